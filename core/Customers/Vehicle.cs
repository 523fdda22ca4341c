namespace VoiceAgent.Core.Customers;

public sealed record Vehicle(int? Year, string Make, string Model, string? Vin = null)
{
    public string Describe() => Year is { } year ? $"{year} {Make} {Model}" : $"{Make} {Model}";
}
