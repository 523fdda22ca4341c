using VoiceAgent.Core.Customers;

namespace VoiceAgent.Core.Tenants;

/// <summary>Writes the demo tenant and its customers; safe to run again.</summary>
public sealed class DemoTenantSeeder(TenantStore tenants, CustomerStore customers)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await tenants.SaveAsync(DemoTenant.Profile, cancellationToken);
        foreach (var customer in DemoTenant.Customers)
        {
            await customers.SaveAsync(customer, cancellationToken);
        }
    }
}
