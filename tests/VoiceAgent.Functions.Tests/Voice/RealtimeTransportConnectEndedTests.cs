using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Workflows;
using VoiceAgent.Functions.Tests.Support;
using VoiceAgent.TwilioApiStandIn;

namespace VoiceAgent.Functions.Tests.Voice;

/// <summary>
/// <c>/api/voice/connect-ended</c>, where Twilio asks what to do once the relay session gave the call back: dial, hang
/// up, or carry on over Gather with the last question. Each call is started for real (the incoming webhook answers
/// ConversationRelay to a healthy host stand-in) and its relay turns are the app's own streamed turns, as the real-time
/// host runs them against the same tables.
/// </summary>
public sealed class RealtimeTransportConnectEndedTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string ServiceDesk = "+15555550199";
    private const string PartsCounter = "+15555550198";

    private RealtimeHostStandIn _host = null!;
    private TwilioStandIn _twilioApi = null!;
    private FunctionsApp _app = null!;
    private TwilioWebhookClient _twilio = null!;

    public async Task InitializeAsync()
    {
        var token = WorkflowApp.NewAuthToken();
        _host = await RealtimeHostStandIn.StartAsync(RealtimeHealth.Healthy);
        _twilioApi = await WorkflowApp.StartTwilioAsync(token);
        _app = await RelayShopApp.StartAsync(azurite.ConnectionString, _host.BaseUrl, extra: WorkflowApp.Settings(_twilioApi), authToken: token);
        _twilio = new TwilioWebhookClient(_app.CreateClient(), _app.AuthToken);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _twilioApi.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task ConnectEnded_TransferToTheTargetTheRelayTurnStored_DialsItSayingNothing()
    {
        var callSid = await StartRelayCallAsync();
        var turn = await RelayTurnAsync(callSid, "Can I talk to the parts counter please?");
        Assert.Equal(PartsCounter, turn.TransferTo);

        var twiml = await ConnectEndedAsync(callSid, """{"reason":"transfer"}""");

        Assert.Equal(PartsCounter, Twiml.DialedNumber(twiml));
        Assert.Empty(twiml.Descendants("Say"));
    }

    [Fact]
    public async Task ConnectEnded_TransferWithNoStoredTarget_DialsTheShopsDefaultDesk()
    {
        var callSid = await StartRelayCallAsync();

        var twiml = await ConnectEndedAsync(callSid, """{"reason":"transfer"}""");

        Assert.Equal(ServiceDesk, Twiml.DialedNumber(twiml));
    }

    [Fact]
    public async Task ConnectEnded_Goodbye_HangsUpSayingNothing()
    {
        var callSid = await StartRelayCallAsync();

        var twiml = await ConnectEndedAsync(callSid, """{"reason":"goodbye"}""");

        Assert.Equal("Hangup", Assert.Single(twiml.Elements()).Name.LocalName);
    }

    [Fact]
    public async Task ConnectEnded_MaxDuration_SaysTheTimeLimitThenHangsUp()
    {
        var callSid = await StartRelayCallAsync();

        var twiml = await ConnectEndedAsync(callSid, """{"reason":"maxDuration"}""");

        Assert.Equal(["Say", "Hangup"], twiml.Elements().Select(e => e.Name.LocalName));
        Assert.Contains("time limit", Twiml.Spoken(twiml), StringComparison.Ordinal);
        Assert.Contains("call Northside Auto Care back", Twiml.Spoken(twiml), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("""{"reason":"drained"}""")]
    [InlineData("not json {")]
    [InlineData("{}")]
    [InlineData("""{"reason":""}""")]
    [InlineData("[1,2]")]
    public async Task ConnectEnded_NoHandoffOrNotOurs_CarriesOnOverGatherAskingTheLastQuestionAgain(string? handoffData)
    {
        var callSid = await StartRelayCallAsync();
        var turn = await RelayTurnAsync(callSid, "I need an oil change");
        var question = (await SessionAsync(callSid)).Dialog.Prompt;
        Assert.NotNull(question);
        Assert.Contains(question, turn.Speech, StringComparison.Ordinal);

        var twiml = await ConnectEndedAsync(callSid, handoffData);

        var gather = Assert.Single(twiml.Elements("Gather"));
        Assert.Equal(VoiceReplyRenderer.TurnPath, gather.Attribute("action")?.Value);
        Assert.EndsWith(question, Twiml.Spoken(twiml), StringComparison.Ordinal);
        Assert.Empty(twiml.Descendants("Hangup"));
    }

    [Fact]
    public async Task ConnectEnded_BookingMadeInTheRelaySession_StartsItsFollowUp()
    {
        var callSid = await StartRelayCallAsync();
        await RelayTurnAsync(callSid, "I need an oil change tomorrow at 9 am");
        await RelayTurnAsync(callSid, "yes");
        var followUps = _app.Services.GetRequiredService<FollowUpStore>();
        Assert.Single(await followUps.PendingForCallAsync(DemoTenant.Id, callSid, CancellationToken.None));

        await ConnectEndedAsync(callSid, """{"reason":"goodbye"}""");

        Assert.True(await _app.WaitForWorkflowsQuietAsync(TimeSpan.FromSeconds(90)), "the follow-up did not finish");
        Assert.Empty(await followUps.PendingForCallAsync(DemoTenant.Id, callSid, CancellationToken.None));
        Assert.Single(_twilioApi.Messages, m => m.To == TwilioWebhookClient.JohnSmith);
    }

    [Fact]
    public async Task ConnectEnded_Unsigned_Returns403()
    {
        var callSid = await StartRelayCallAsync();
        var fields = ConnectEndedFields(callSid, """{"reason":"transfer"}""");

        var response = await _twilio.PostUnsignedAsync(VoiceReplyRenderer.ConnectEndedPath, fields);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ConnectEnded_CallWithNoSession_ApologisesAndDialsTheDeskInValidTwiml()
    {
        var twiml = await ConnectEndedAsync(TwilioWebhookClient.NewCallSid(), """{"reason":"goodbye"}""");

        Assert.Contains("sorry", Twiml.Spoken(twiml), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ServiceDesk, Twiml.DialedNumber(twiml));
    }

    /// <summary>John calls the relay shop; the incoming webhook hands the call to the relay.</summary>
    private async Task<string> StartRelayCallAsync()
    {
        var callSid = TwilioWebhookClient.NewCallSid();
        var twiml = await Twiml.ReadAsync(await _twilio.PostAsync("/api/voice/incoming", TwilioWebhookClient.CallFields(callSid)));
        Assert.Single(twiml.Descendants("ConversationRelay"));
        return callSid;
    }

    /// <summary>One turn of the relay session, as the real-time host takes it: streamed, saved with the call session.</summary>
    private async Task<AgentReply> RelayTurnAsync(string callSid, string speech)
    {
        AgentReply? reply = null;
        var calls = _app.Services.GetRequiredService<InboundCallService>();
        await foreach (var item in calls.StreamTurnAsync(RelayShopApp.Call(callSid), new CallerInput(speech, Confidence: 0.92), CancellationToken.None))
        {
            reply = item is TurnFinished finished ? finished.Reply : reply;
        }

        return reply ?? throw new InvalidOperationException("The streamed turn never finished.");
    }

    private async Task<CallSession> SessionAsync(string callSid) =>
        await _app.Services.GetRequiredService<CallSessionStore>().FindAsync(DemoTenant.Id, callSid, CancellationToken.None)
            ?? throw new InvalidOperationException($"Call {callSid} has no session.");

    private async Task<XElement> ConnectEndedAsync(string callSid, string? handoffData) =>
        await Twiml.ReadAsync(await _twilio.PostAsync(VoiceReplyRenderer.ConnectEndedPath, ConnectEndedFields(callSid, handoffData)));

    /// <summary>What Twilio posts to the <c>&lt;Connect action&gt;</c> once a ConversationRelay session ends.</summary>
    private static Dictionary<string, string> ConnectEndedFields(string callSid, string? handoffData)
    {
        var fields = new Dictionary<string, string>(TwilioWebhookClient.CallFields(callSid))
        {
            ["SessionId"] = "VX" + Guid.NewGuid().ToString("N"),
            ["SessionStatus"] = "ended",
            ["SessionDuration"] = "42",
        };
        if (handoffData is not null)
        {
            fields["HandoffData"] = handoffData;
        }

        return fields;
    }
}
