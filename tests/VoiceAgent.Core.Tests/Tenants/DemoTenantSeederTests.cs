using Microsoft.Extensions.Options;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Tests.Tenants;

/// <summary><c>Demo:TwilioNumber</c>: a real Twilio number that reaches the demo tenant (tools/dev --serve --number).</summary>
public sealed class DemoTenantSeederTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task SeedAsync_WithTwilioNumber_MapsItToTheDemoTenantBesideItsOwnNumber()
    {
        var tables = await azurite.NewTablesAsync();
        var tenants = new TenantStore(tables);

        await Seeder(tables, tenants, "(415) 555-0123").SeedAsync(CancellationToken.None);

        Assert.Equal(DemoTenant.Id, await tenants.FindTenantIdByNumberAsync("+14155550123", CancellationToken.None));
        Assert.Equal(DemoTenant.Id, await tenants.FindTenantIdByNumberAsync(DemoTenant.Number, CancellationToken.None));
    }

    [Fact]
    public async Task SeedAsync_WithoutTwilioNumber_MapsOnlyTheDemoNumber()
    {
        var tables = await azurite.NewTablesAsync();
        var tenants = new TenantStore(tables);

        await Seeder(tables, tenants, null).SeedAsync(CancellationToken.None);

        Assert.Null(await tenants.FindTenantIdByNumberAsync("+14155550123", CancellationToken.None));
    }

    [Fact]
    public async Task SeedAsync_TwilioNumberNotAPhoneNumber_FailsNamingTheSetting()
    {
        var tables = await azurite.NewTablesAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Seeder(tables, new TenantStore(tables), "call me").SeedAsync(CancellationToken.None));

        Assert.Contains("Demo:TwilioNumber", error.Message, StringComparison.Ordinal);
    }

    private static DemoTenantSeeder Seeder(Core.Storage.VoiceAgentTables tables, TenantStore tenants, string? number) =>
        new(tenants, new CustomerStore(tables), Options.Create(new DemoOptions { SeedDemoTenant = true, TwilioNumber = number }));
}
