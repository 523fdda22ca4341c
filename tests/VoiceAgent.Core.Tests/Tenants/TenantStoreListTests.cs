using System.Text.Json.Nodes;
using Azure.Data.Tables;
using VoiceAgent.Core.Storage;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Tests.Tenants;

/// <summary>Every tenant for the reminder sweep, and the reminder policy's retry settings through storage.</summary>
public sealed class TenantStoreListTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ListAsync_TwoTenants_ReturnsBothProfiles_NotTheirNumbers()
    {
        var tenants = new TenantStore(await azurite.NewTablesAsync());
        var other = DemoTenant.Profile with { Id = "other-shop", Name = "Other Shop", PhoneNumber = "+15555550200", Reminders = DemoTenant.Profile.Reminders with { MaxAttempts = 1, RetryAfter = TimeSpan.FromMinutes(30) } };
        await tenants.SaveAsync(DemoTenant.Profile, CancellationToken.None);
        await tenants.SaveAsync(other, CancellationToken.None);

        var all = await tenants.ListAsync(CancellationToken.None);

        Assert.Equal(["northside-auto", "other-shop"], all.Select(t => t.Id).Order(StringComparer.Ordinal));
        Assert.Equal(other.Reminders, all.Single(t => t.Id == "other-shop").Reminders);
    }

    [Fact]
    public async Task ListAsync_NoTenants_Empty()
    {
        var tenants = new TenantStore(await azurite.NewTablesAsync());

        Assert.Empty(await tenants.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task FindAsync_PolicyStoredBeforeRetries_GetsThreeTriesTwoHoursApart()
    {
        var tables = await azurite.NewTablesAsync();
        var stored = JsonNode.Parse(StorageJson.Serialize(DemoTenant.Profile))!.AsObject();
        var reminders = stored["reminders"]!.AsObject();
        Assert.True(reminders.Remove("maxAttempts"));
        Assert.True(reminders.Remove("retryAfter"));
        await tables.Tenants.UpsertEntityAsync(new TableEntity("tenant", DemoTenant.Id) { ["Profile"] = stored.ToJsonString() }, TableUpdateMode.Replace, CancellationToken.None);

        var found = await new TenantStore(tables).FindAsync(DemoTenant.Id, CancellationToken.None);

        Assert.Equal((3, TimeSpan.FromHours(2)), (found!.Reminders.MaxAttempts, found.Reminders.RetryAfter));
    }
}
