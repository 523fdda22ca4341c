namespace VoiceAgent.Core.Tests.Vehicles;

/// <summary>
/// Bodies in vPIC's <c>DecodeVinValues?format=json</c> shape (protocols.md §9.3): one flat result, every value a
/// string, <c>""</c> or <c>"Not Applicable"</c> when unknown. Make, Model, ModelYear and the error fields are the
/// documented decodes; the other fields are there for shape and are not asserted.
/// </summary>
internal static class VpicSamples
{
    public const string HondaAccord2003 = """
        {"Count":1,"Message":"Results returned successfully. NOTE: Any missing decoded values should be interpreted as NHTSA does not have data on the specific variable. Missing value should NOT be interpreted as an indication that a feature or technology is unavailable for a vehicle.","SearchCriteria":"VIN:1HGCM82633A004352","Results":[{
        "ABS":"","AdditionalErrorText":"","BodyClass":"Coupe","DisplacementCC":"3000.0","DisplacementL":"3.0","Doors":"2",
        "DriveType":"","ElectrificationLevel":"","EngineCylinders":"6","EngineHP":"240","EngineModel":"J30A4",
        "ErrorCode":"0","ErrorText":"0 - VIN decoded clean. Check Digit (9th position) is correct","FuelTypePrimary":"Gasoline",
        "GVWR":"","Make":"HONDA","MakeID":"474","Manufacturer":"AMERICAN HONDA MOTOR CO., INC.","ManufacturerId":"988",
        "Model":"Accord","ModelID":"1861","ModelYear":"2003","PlantCity":"MARYSVILLE","PlantCountry":"UNITED STATES (USA)",
        "PlantState":"OHIO","PossibleValues":"","Series":"","SuggestedVIN":"","TransmissionStyle":"Automatic",
        "Trim":"EX-V6","VIN":"1HGCM82633A004352","VehicleType":"PASSENGER CAR"}]}
        """;

    public const string DodgeViper1995 = """
        {"Count":1,"Message":"Results returned successfully","SearchCriteria":"VIN:1B3BR65EXSV201546","Results":[{
        "AdditionalErrorText":"","BodyClass":"Convertible/Cabriolet","ErrorCode":"0",
        "ErrorText":"0 - VIN decoded clean. Check Digit (9th position) is correct","Make":"DODGE","Manufacturer":"CHRYSLER CORPORATION",
        "Model":"Viper","ModelYear":"1995","Series":"Not Applicable","Trim":"","VIN":"1B3BR65EXSV201546","VehicleType":"PASSENGER CAR"}]}
        """;

    /// <summary>A check-digit error (code 1): vPIC still decodes what it can.</summary>
    public const string HondaAccordBadCheckDigit = """
        {"Count":1,"Message":"Results returned successfully","SearchCriteria":"VIN:1HGCM82643A004352","Results":[{
        "AdditionalErrorText":"","ErrorCode":"1","ErrorText":"1 - Check Digit (9th position) does not calculate properly",
        "Make":"HONDA","Manufacturer":"AMERICAN HONDA MOTOR CO., INC.","Model":"Accord","ModelYear":"2003",
        "SuggestedVIN":"","VIN":"1HGCM82643A004352","VehicleType":"PASSENGER CAR"}]}
        """;

    /// <summary>Nothing known: every value empty or "Not Applicable".</summary>
    public static string Unknown(string vin) => $$"""
        {"Count":1,"Message":"Results returned successfully","SearchCriteria":"VIN:{{vin}}","Results":[{
        "AdditionalErrorText":"","ErrorCode":"8","ErrorText":"8 - No detailed data available currently",
        "Make":"","Manufacturer":"","Model":"Not Applicable","ModelYear":"","VIN":"{{vin}}","VehicleType":""}]}
        """;
}
