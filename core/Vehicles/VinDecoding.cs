using VoiceAgent.Core.Customers;

namespace VoiceAgent.Core.Vehicles;

/// <summary>
/// What a VIN says about the vehicle. Any of make, model and year may be unknown (<see langword="null"/>);
/// <see cref="Notes"/> says why, in words an agent can relay.
/// </summary>
public sealed record VinDecoding(
    Vin Vin,
    string? Make,
    string? Model,
    int? Year,
    VinDecodingSource Source,
    bool CheckDigitValid,
    IReadOnlyList<string> Notes)
{
    /// <summary>"2003 Honda Accord", "1995 Dodge", or "an unknown vehicle".</summary>
    public string Describe()
    {
        var parts = new[] { Year?.ToString(System.Globalization.CultureInfo.InvariantCulture), Make, Model }.Where(p => !string.IsNullOrEmpty(p));
        var text = string.Join(' ', parts);
        return text.Length == 0 ? "an unknown vehicle" : text;
    }

    /// <summary>The customer's vehicle record; unknown make or model become empty strings.</summary>
    public Vehicle ToVehicle() => new(Year, Make ?? string.Empty, Model ?? string.Empty, Vin.Value);
}
