using VoiceAgent.Functions.Tests.Support;
using VoiceAgent.LocalStack;

namespace VoiceAgent.Functions.Tests.Voice;

/// <summary>Azurite is stopped mid-call: the caller must still get valid TwiML, never a 5xx or an empty body.</summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private AzuriteServer _azurite = null!;
    private FunctionsApp _app = null!;
    private TwilioWebhookClient _twilio = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync();
        _app = await FunctionsApp.StartAsync(_azurite.ConnectionString);
        _twilio = new TwilioWebhookClient(_app.CreateClient(), _app.AuthToken);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task Turn_StorageDownMidCall_ApologisesAndTransfersToTheShop()
    {
        var callSid = TwilioWebhookClient.NewCallSid();
        await Twiml.ReadAsync(await _twilio.PostAsync("/api/voice/incoming", TwilioWebhookClient.CallFields(callSid)));
        using var fallbacks = new MetricProbe(_app.Services, Core.Telemetry.VoiceAgentTelemetry.WebhookFallbacksMetric);
        await _azurite.StopAsync();

        var fields = new Dictionary<string, string>(TwilioWebhookClient.CallFields(callSid)) { ["SpeechResult"] = "what are your hours" };
        var twiml = await Twiml.ReadAsync(await _twilio.PostAsync("/api/voice/turn", fields));

        Assert.Contains("sorry", Twiml.Spoken(twiml), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("+15555550199", Twiml.DialedNumber(twiml));
        Assert.Equal("turn", Assert.Single(fallbacks.Measurements)["endpoint"]);
    }

    [Fact]
    public async Task Incoming_StorageDownBeforeAnyCall_ApologisesAndHangsUp()
    {
        await _azurite.StopAsync();

        var twiml = await Twiml.ReadAsync(await _twilio.PostAsync("/api/voice/incoming", TwilioWebhookClient.CallFields(TwilioWebhookClient.NewCallSid())));

        Assert.Contains("sorry", Twiml.Spoken(twiml), StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(twiml.Element("Hangup"));
    }

    [Fact]
    public async Task Status_StorageDown_Returns503SoTwilioRetries()
    {
        var callSid = TwilioWebhookClient.NewCallSid();
        await Twiml.ReadAsync(await _twilio.PostAsync("/api/voice/incoming", TwilioWebhookClient.CallFields(callSid)));
        await _azurite.StopAsync();

        var fields = new Dictionary<string, string>(TwilioWebhookClient.CallFields(callSid)) { ["CallStatus"] = "completed", ["CallDuration"] = "12" };
        var response = await _twilio.PostAsync("/api/voice/status", fields);

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
