using Microsoft.Extensions.Options;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Telephony;

namespace VoiceAgent.Core.Tenants;

/// <summary>Writes the demo tenant and its customers (and maps <see cref="DemoOptions.TwilioNumber"/> to it); safe to run again.</summary>
public sealed class DemoTenantSeeder(TenantStore tenants, CustomerStore customers, IOptions<DemoOptions> options)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await tenants.SaveAsync(DemoTenant.Profile with { Transport = options.Value.Transport }, cancellationToken);
        foreach (var customer in DemoTenant.Customers)
        {
            await customers.SaveAsync(customer, cancellationToken);
        }

        if (!string.IsNullOrWhiteSpace(options.Value.TwilioNumber))
        {
            if (!PhoneNumber.TryParse(options.Value.TwilioNumber, "US", out var number))
            {
                throw new InvalidOperationException($"Demo:TwilioNumber '{options.Value.TwilioNumber}' is not a phone number (use E.164, e.g. +14155550123).");
            }

            await tenants.MapNumberAsync(number.E164, DemoTenant.Profile.Id, cancellationToken);
        }
    }
}
