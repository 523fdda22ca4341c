namespace VoiceAgent.Core.Customers;

public sealed record Vehicle(int? Year, string Make, string Model, string? Vin = null)
{
    /// <summary>"2019 Honda Civic"; parts not known are left out ("2003 Honda" from a VIN decoded offline, "Ford").</summary>
    public string Describe() =>
        string.Join(' ', new[] { Year?.ToString(System.Globalization.CultureInfo.InvariantCulture), Make, Model }.Where(p => !string.IsNullOrWhiteSpace(p)));
}
