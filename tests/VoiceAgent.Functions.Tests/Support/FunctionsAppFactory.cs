using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace VoiceAgent.Functions.Tests.Support;

/// <summary>
/// The real functions app in memory, against Azurite, with its own tables (a unique prefix), a random auth
/// token, the demo tenant seeded, and a fake clock.
/// </summary>
public sealed class FunctionsAppFactory(string storageConnectionString) : WebApplicationFactory<Program>
{
    public const string PublicBaseUrl = "https://voiceagent.example.com";

    public string AuthToken { get; } = Convert.ToHexString(Guid.NewGuid().ToByteArray());

    public string StaffToken { get; } = Convert.ToHexString(Guid.NewGuid().ToByteArray());

    public string TablePrefix { get; } = "T" + Guid.NewGuid().ToString("N")[..10];

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 15, 15, 0, TimeSpan.Zero));

    public string TableName(string name) => TablePrefix + name;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:ConnectionString", storageConnectionString);
        builder.UseSetting("Storage:CreateTablesOnStart", "true");
        foreach (var table in new[] { "Tenants", "TenantNumbers", "Customers", "CustomerPhones", "Calls", "Turns", "Schedule" })
        {
            builder.UseSetting($"Storage:{table}Table", TableName(table));
        }

        builder.UseSetting("Demo:SeedDemoTenant", "true");
        builder.UseSetting("Twilio:AuthToken", AuthToken);
        builder.UseSetting("Twilio:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("StaffApi:DevToken", StaffToken);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}
