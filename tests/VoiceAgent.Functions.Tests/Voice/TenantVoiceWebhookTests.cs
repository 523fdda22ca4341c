using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Functions.Tests.Support;

namespace VoiceAgent.Functions.Tests.Voice;

/// <summary>
/// A shop's own voice and language (<see cref="TenantProfile.Voice"/>) through the voice webhooks: the Gather greeting and
/// every turn answer, and the ConversationRelay hand-off of a relay shop.
/// </summary>
public sealed class TenantVoiceWebhookTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TenantVoice OwnVoice = new() { SayVoice = "Polly.Matthew-Neural", Language = "en-GB" };

    [Fact]
    public async Task IncomingAndTurn_GatherShopWithItsOwnVoice_GatherAndSayInIt()
    {
        await using var app = await FunctionsApp.StartAsync(azurite.ConnectionString);
        await app.Services.GetRequiredService<TenantStore>().SaveAsync(DemoTenant.Profile with { Voice = OwnVoice }, CancellationToken.None);
        var twilio = new TwilioWebhookClient(app.CreateClient(), app.AuthToken);
        var callSid = TwilioWebhookClient.NewCallSid();

        var greeting = await Twiml.ReadAsync(await twilio.PostAsync("/api/voice/incoming", TwilioWebhookClient.CallFields(callSid)));
        var fields = new Dictionary<string, string>(TwilioWebhookClient.CallFields(callSid)) { ["SpeechResult"] = "what are your hours", ["Confidence"] = "0.92" };
        var turn = await Twiml.ReadAsync(await twilio.PostAsync("/api/voice/turn", fields));

        foreach (var answer in new[] { greeting, turn })
        {
            Assert.Equal("en-GB", answer.Descendants("Gather").Single().Attribute("language")?.Value);
            Assert.All(answer.Descendants("Say"), say => Assert.Equal(("Polly.Matthew-Neural", "en-GB"), (say.Attribute("voice")?.Value, say.Attribute("language")?.Value)));
            Assert.NotEmpty(answer.Descendants("Say"));
        }
    }

    [Fact]
    public async Task Incoming_RelayShopWithItsOwnVoice_RelaySpeaksAndListensInIt()
    {
        await using var host = await RealtimeHostStandIn.StartAsync(RealtimeHealth.Healthy);
        await using var app = await RelayShopApp.StartAsync(azurite.ConnectionString, host.BaseUrl);
        await app.Services.GetRequiredService<TenantStore>().SaveAsync(DemoTenant.Profile with { Transport = CallTransport.Relay, Voice = OwnVoice }, CancellationToken.None);
        var twilio = new TwilioWebhookClient(app.CreateClient(), app.AuthToken);

        var twiml = await Twiml.ReadAsync(await twilio.PostAsync("/api/voice/incoming", TwilioWebhookClient.CallFields(TwilioWebhookClient.NewCallSid())));

        var relay = twiml.Descendants("ConversationRelay").Single();
        Assert.Equal(
            ("en-GB", "Amazon", "Matthew-Neural"),
            (relay.Attribute("language")?.Value, relay.Attribute("ttsProvider")?.Value, relay.Attribute("voice")?.Value));
    }
}
