namespace VoiceAgent.Core.Customers;

/// <summary>A tenant's customer, recognised by the phone number on file.</summary>
public sealed record Customer
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string FirstName { get; init; }
    public string LastName { get; init; } = string.Empty;
    /// <summary>E.164.</summary>
    public required string PhoneNumber { get; init; }
    /// <summary>Plain PIN, only on seed data; it is hashed before storage and never read back.</summary>
    public string? Pin { get; init; }
    public IReadOnlyList<Vehicle> Vehicles { get; init; } = [];

    public string FullName => string.IsNullOrEmpty(LastName) ? FirstName : $"{FirstName} {LastName}";
}
