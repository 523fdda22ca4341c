using VoiceAgent.Core.Customers;

namespace VoiceAgent.Core.Vehicles;

/// <summary>
/// What a caller said about a car ("a 2018 Ford F-150", "the Civic", "the 2015"): any part may be missing.
/// A mention with a make is enough to keep as the customer's vehicle; year or model alone only picks one they have.
/// </summary>
public sealed record VehicleMention(int? Year, string? Make, string? Model)
{
    /// <summary>The customer's vehicle record, or null when no make was said (a year alone tells the shop nothing).</summary>
    public Vehicle? ToVehicle() => Make is null ? null : new Vehicle(Year, Make, Model ?? string.Empty);
}
