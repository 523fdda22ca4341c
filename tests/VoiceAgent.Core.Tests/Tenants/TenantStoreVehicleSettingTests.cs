using System.Text.Json.Nodes;
using Azure.Data.Tables;
using VoiceAgent.Core.Storage;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Tests.Tenants;

/// <summary><see cref="TenantProfile.AsksForVehicle"/> survives storage, and profiles stored before it existed read as off.</summary>
public sealed class TenantStoreVehicleSettingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task FindAsync_SavedDemoTenant_StillAsksForTheVehicle()
    {
        var tables = await azurite.NewTablesAsync();
        var tenants = new TenantStore(tables);
        await tenants.SaveAsync(DemoTenant.Profile, CancellationToken.None);

        var found = await tenants.FindAsync(DemoTenant.Id, CancellationToken.None);

        Assert.True(found!.AsksForVehicle);
    }

    [Fact]
    public async Task FindAsync_ProfileStoredBeforeTheSetting_DoesNotAskForTheVehicle()
    {
        var tables = await azurite.NewTablesAsync();
        var stored = JsonNode.Parse(StorageJson.Serialize(DemoTenant.Profile))!.AsObject();
        Assert.True(stored.Remove("asksForVehicle"));
        await tables.Tenants.UpsertEntityAsync(new TableEntity("tenant", DemoTenant.Id) { ["Profile"] = stored.ToJsonString() }, TableUpdateMode.Replace, CancellationToken.None);

        var found = await new TenantStore(tables).FindAsync(DemoTenant.Id, CancellationToken.None);

        Assert.False(found!.AsksForVehicle);
        Assert.Equal(DemoTenant.Profile.Name, found.Name);
    }
}
