using System.Text.Json.Nodes;
using Azure.Data.Tables;
using VoiceAgent.Core.Storage;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Tests.Tenants;

/// <summary>
/// The per-shop voice, calendar and texting settings survive storage, and a profile stored before they existed reads as
/// the deployment's settings (all texts on, from the shop's number).
/// </summary>
public sealed class TenantStoreShopSettingsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task FindAsync_ProfileStoredBeforeTheSettings_ReadsAsTheDeploymentsSettings()
    {
        var tables = await azurite.NewTablesAsync();
        var stored = JsonNode.Parse(StorageJson.Serialize(DemoTenant.Profile))!.AsObject();
        Assert.True(stored.Remove("voice"));
        Assert.True(stored.Remove("sms"));
        Assert.False(stored.ContainsKey("googleCalendarId")); // null is never written
        await tables.Tenants.UpsertEntityAsync(new TableEntity("tenant", DemoTenant.Id) { ["Profile"] = stored.ToJsonString() }, TableUpdateMode.Replace, CancellationToken.None);

        var found = await new TenantStore(tables).FindAsync(DemoTenant.Id, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(new TenantVoice(), found.Voice);
        Assert.Null(found.GoogleCalendarId);
        Assert.Equal(new TenantSms { SendsConfirmations = true, SendsReminderTexts = true, FromNumber = null }, found.Sms);
        Assert.Equal(DemoTenant.Number, found.Sms.SenderFor(found.PhoneNumber));
    }

    [Fact]
    public async Task FindAsync_SavedShopSettings_ComeBackAsSaved()
    {
        var tables = await azurite.NewTablesAsync();
        var tenants = new TenantStore(tables);
        var profile = DemoTenant.Profile with
        {
            Voice = new TenantVoice { SayVoice = "Polly.Matthew-Neural", SpanishSayVoice = "Polly.Pedro-Neural", Language = "en-GB", SpeechVoice = "en-GB-RyanNeural" },
            GoogleCalendarId = "northside@group.calendar.google.com",
            Sms = new TenantSms { SendsConfirmations = false, SendsReminderTexts = false, FromNumber = "+15555550999" },
        };
        await tenants.SaveAsync(profile, CancellationToken.None);

        var found = await tenants.FindAsync(DemoTenant.Id, CancellationToken.None);

        Assert.Equal((profile.Voice, profile.GoogleCalendarId, profile.Sms), (found!.Voice, found.GoogleCalendarId, found.Sms));
        Assert.Equal("+15555550999", found.Sms.SenderFor(found.PhoneNumber));
    }
}
