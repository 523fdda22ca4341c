using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Tenants.Profiles;

namespace VoiceAgent.Core.Tenants;

/// <summary>
/// Northside Auto Care, the demo tenant every scenario runs against (../shared/scenarios/README.md), defined by
/// tenants/northside-auto.yaml and seeded by the local run and by tests; its customers are data, not profile.
/// </summary>
public static class DemoTenant
{
    public const string Id = "northside-auto";
    public const string Number = "+15555550100";
    public const string ResourceName = "VoiceAgent.DemoTenant.yaml";

    /// <summary>The profile in tenants/northside-auto.yaml (embedded), read as any tenant's file is.</summary>
    public static TenantProfile Profile { get; } = Read();

    private static TenantProfile Read()
    {
        var read = TenantProfileReader.Read(EmbeddedText.Read(ResourceName));
        return read.Profile ?? throw new InvalidOperationException(
            $"tenants/northside-auto.yaml is not a valid profile: {string.Join("; ", read.Problems)}");
    }

    public static IReadOnlyList<Customer> Customers { get; } =
    [
        new()
        {
            Id = "cust-john-smith",
            TenantId = Id,
            FirstName = "John",
            LastName = "Smith",
            PhoneNumber = "+15555550101",
            Pin = "4321",
            Vehicles = [new Vehicle(2019, "Honda", "Civic")],
        },
        new()
        {
            Id = "cust-maria-garcia",
            TenantId = Id,
            FirstName = "Maria",
            LastName = "Garcia",
            PhoneNumber = "+15555550102",
            Vehicles = [new Vehicle(2021, "Toyota", "RAV4")],
        },
    ];
}
