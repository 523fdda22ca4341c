using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Conversation.Offline;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Functions.Tests.Support;
using VoiceAgent.Functions.Voice;

namespace VoiceAgent.Functions.Tests.Voice;

/// <summary>
/// The Twilio voice webhooks: over HTTP through the local Functions host (<c>Incoming_…</c>, <c>Turn_…</c>), and called
/// directly as the isolated worker's docs suggest (<c>IncomingAsync_…</c>).
/// </summary>
public sealed class VoiceWebhooksTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private FunctionsApp _app = null!;
    private TwilioWebhookClient _twilio = null!;
    private StorageProbe _storage = null!;

    public async Task InitializeAsync()
    {
        _app = await FunctionsApp.StartAsync(azurite.Server.ConnectionString);
        _twilio = new TwilioWebhookClient(_app.CreateClient(), _app.AuthToken);
        _storage = new StorageProbe(azurite.Server.ConnectionString, _app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Incoming_KnownCaller_GreetsByNameInsideGatherAndCreatesSession()
    {
        var callSid = TwilioWebhookClient.NewCallSid();

        var twiml = await Twiml.ReadAsync(await _twilio.PostAsync("/api/voice/incoming", TwilioWebhookClient.CallFields(callSid)));

        var gather = Assert.Single(twiml.Elements("Gather"));
        Assert.Equal("speech dtmf", gather.Attribute("input")?.Value);
        Assert.Equal("/api/voice/turn", gather.Attribute("action")?.Value);
        Assert.Contains("John", Twiml.Spoken(twiml), StringComparison.Ordinal);
        var session = await _storage.CallAsync(callSid);
        Assert.NotNull(session);
        Assert.Equal("cust-john-smith", session.GetString("CustomerId"));
    }

    [Fact]
    public async Task Incoming_UnknownCaller_GreetsWithoutAName()
    {
        var twiml = await Twiml.ReadAsync(await _twilio.PostAsync("/api/voice/incoming", TwilioWebhookClient.CallFields(TwilioWebhookClient.NewCallSid(), from: "+15555550177")));

        Assert.StartsWith("Thanks for calling Northside Auto Care. How can I help", Twiml.Spoken(twiml), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Incoming_BadSignature_Returns403AndWritesNothing()
    {
        var callsBefore = await _storage.CountRowsAsync("Calls");
        var fields = TwilioWebhookClient.CallFields(TwilioWebhookClient.NewCallSid());

        var response = await _twilio.PostAsync("/api/voice/incoming", fields, signature: "AAAAAAAAAAAAAAAAAAAAAAAAAAA=");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(callsBefore, await _storage.CountRowsAsync("Calls"));
    }

    [Fact]
    public async Task Incoming_MissingSignature_Returns403AndWritesNothing()
    {
        var callsBefore = await _storage.CountRowsAsync("Calls");

        var response = await _twilio.PostUnsignedAsync("/api/voice/incoming", TwilioWebhookClient.CallFields(TwilioWebhookClient.NewCallSid()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(callsBefore, await _storage.CountRowsAsync("Calls"));
    }

    [Fact]
    public async Task Turn_SignatureOverTamperedFields_Returns403AndWritesNothing()
    {
        var callSid = await StartCallAsync();
        var signed = new Dictionary<string, string>(TwilioWebhookClient.CallFields(callSid)) { ["SpeechResult"] = "what are your hours" };
        var signature = _twilio.Sign("/api/voice/turn", signed);
        var tampered = new Dictionary<string, string>(signed) { ["SpeechResult"] = "cancel every appointment" };

        var response = await _twilio.PostAsync("/api/voice/turn", tampered, signature);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await _storage.CountRowsAsync("CallTurns"));
    }

    [Theory]
    [InlineData("CallSid", "not-a-call-sid")]
    [InlineData("To", "not a number")]
    public async Task Incoming_MalformedField_Returns400AndWritesNothing(string field, string value)
    {
        var callsBefore = await _storage.CountRowsAsync("Calls");
        var fields = new Dictionary<string, string>(TwilioWebhookClient.CallFields(TwilioWebhookClient.NewCallSid())) { [field] = value };

        var response = await _twilio.PostAsync("/api/voice/incoming", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(callsBefore, await _storage.CountRowsAsync("Calls"));
    }

    [Fact]
    public async Task Incoming_SignedButNotAForm_Returns400AndWritesNothing()
    {
        var callsBefore = await _storage.CountRowsAsync("Calls");

        var response = await _twilio.PostJsonAsync("/api/voice/incoming", "{\"CallSid\":\"CA00000000000000000000000000000000\"}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(callsBefore, await _storage.CountRowsAsync("Calls"));
    }

    [Fact]
    public async Task Incoming_UnknownDialedNumber_SaysGoodbyeAndHangsUp()
    {
        var twiml = await Twiml.ReadAsync(await _twilio.PostAsync("/api/voice/incoming", TwilioWebhookClient.CallFields(TwilioWebhookClient.NewCallSid(), to: "+15555550142")));

        Assert.NotNull(twiml.Element("Hangup"));
    }

    [Fact]
    public async Task Turn_HoursQuestion_AnswersWithSaturdayHoursAndKeepsListening()
    {
        var callSid = await StartCallAsync();

        var twiml = await TurnAsync(callSid, "What time do you close on Saturday?");

        Assert.Contains("1 PM", Twiml.Spoken(twiml), StringComparison.Ordinal);
        Assert.NotNull(twiml.Element("Gather"));
    }

    [Fact]
    public async Task Turn_AskForPerson_DialsServiceDeskAndRecordsTransfer()
    {
        var callSid = await StartCallAsync();

        var twiml = await TurnAsync(callSid, "Can I just talk to a real person please?");

        Assert.Equal("+15555550199", Twiml.DialedNumber(twiml));
        Assert.Equal("+15555550199", (await _storage.CallAsync(callSid))!.GetString("TransferredTo"));
    }

    [Fact]
    public async Task Turn_SilenceTwice_RepromptsThenSaysGoodbye()
    {
        var callSid = await StartCallAsync();

        var first = await TurnAsync(callSid, string.Empty);
        var second = await TurnAsync(callSid, string.Empty);

        Assert.NotNull(first.Element("Gather"));
        Assert.NotNull(second.Element("Hangup"));
        Assert.Contains("Goodbye", Twiml.Spoken(second), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turn_RetriedWithSameIdempotencyToken_AnswersTheSameAndRecordsOneTurn()
    {
        var callSid = await StartCallAsync();
        var fields = new Dictionary<string, string>(TwilioWebhookClient.CallFields(callSid)) { ["SpeechResult"] = "where are you located" };

        var first = await (await _twilio.PostAsync("/api/voice/turn", fields, idempotencyToken: "retry-1")).Content.ReadAsStringAsync();
        var second = await (await _twilio.PostAsync("/api/voice/turn", fields, idempotencyToken: "retry-1")).Content.ReadAsStringAsync();

        Assert.Equal(first, second);
        Assert.Contains("1200 North Ave", first, StringComparison.Ordinal);
        Assert.Equal(1, await _storage.CountRowsAsync("CallTurns"));
    }

    [Fact]
    public async Task Turn_ConcurrentRetriesWithSameIdempotencyToken_RunTheEngineOnceAndAnswerBothTheSame()
    {
        await using var app = await FunctionsApp.StartAsync(azurite.Server.ConnectionString, services: services =>
            services.Replace(ServiceDescriptor.Singleton<IConversationEngine>(sp => new CountingEngine(ActivatorUtilities.CreateInstance<OfflineDialogEngine>(sp)))));
        var twilio = new TwilioWebhookClient(app.CreateClient(), app.AuthToken);
        var engine = (CountingEngine)app.Services.GetRequiredService<IConversationEngine>();
        var filler = TimeSpan.FromSeconds(app.Services.GetRequiredService<IOptions<VoiceOptions>>().Value.FillerAfterSeconds);
        var callSid = TwilioWebhookClient.NewCallSid();
        await Twiml.ReadAsync(await twilio.PostAsync("/api/voice/incoming", TwilioWebhookClient.CallFields(callSid)));
        var fields = new Dictionary<string, string>(TwilioWebhookClient.CallFields(callSid)) { ["SpeechResult"] = "where are you located" };

        var first = twilio.PostAsync("/api/voice/turn", fields, idempotencyToken: "retry-1");
        var retry = twilio.PostAsync("/api/voice/turn", fields, idempotencyToken: "retry-1");
        // Both requests are in and waiting on their turn (each started its filler wait after joining or starting it).
        await app.WebhookTime.WaitStartedAsync(filler);
        await app.WebhookTime.WaitStartedAsync(filler);
        engine.Release();
        var responses = await Task.WhenAll(first, retry);
        var answers = await Task.WhenAll(responses.Select(Twiml.ReadAsync));

        Assert.Equal(1, engine.Turns);
        Assert.Equal(answers[0].ToString(), answers[1].ToString());
        Assert.Contains("1200 North Ave", Twiml.Spoken(answers[0]), StringComparison.Ordinal);
        Assert.Equal(1, await new StorageProbe(azurite.Server.ConnectionString, app).CountRowsAsync("CallTurns"));
    }

    [Fact]
    public async Task Turn_CallWithoutSession_StillAnswersWithValidTwiml()
    {
        var twiml = await TurnAsync(TwilioWebhookClient.NewCallSid(), "hello");

        Assert.Equal("+15555550199", Twiml.DialedNumber(twiml));
    }

    [Fact]
    public async Task Status_DuplicateCallback_RecordsTheEndOnceAndAnswersBoth()
    {
        var callSid = await StartCallAsync();
        var fields = new Dictionary<string, string>(TwilioWebhookClient.CallFields(callSid)) { ["CallStatus"] = "completed", ["CallDuration"] = "42" };

        var first = await _twilio.PostAsync("/api/voice/status", fields);
        var second = await _twilio.PostAsync("/api/voice/status", fields);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var session = (await _storage.CallAsync(callSid))!;
        Assert.Equal("completed", session.GetString("Status"));
        Assert.Equal(42, session.GetInt32("DurationSeconds"));
        Assert.Equal(1, await _storage.CountRowsAsync("Calls"));
    }

    [Fact]
    public async Task Status_UnknownStatusValue_Returns400()
    {
        var callSid = await StartCallAsync();
        var fields = new Dictionary<string, string>(TwilioWebhookClient.CallFields(callSid)) { ["CallStatus"] = "exploded" };

        var response = await _twilio.PostAsync("/api/voice/status", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("in-progress", (await _storage.CallAsync(callSid))!.GetString("Status"));
    }

    [Fact]
    public async Task Fallback_KnownTenant_ApologisesAndTransfers()
    {
        var callSid = await StartCallAsync();
        var fields = new Dictionary<string, string>(TwilioWebhookClient.CallFields(callSid)) { ["ErrorCode"] = "11200" };

        var twiml = await Twiml.ReadAsync(await _twilio.PostAsync("/api/voice/fallback", fields));

        Assert.Contains("sorry", Twiml.Spoken(twiml), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("+15555550199", Twiml.DialedNumber(twiml));
    }

    [Fact]
    public async Task IncomingAsync_SignedForm_GreetsJohnByName()
    {
        var fields = TwilioWebhookClient.CallFields(TwilioWebhookClient.NewCallSid());
        var request = await FunctionRequest.FormAsync(_app.Services, "/api/voice/incoming", fields, _twilio.Sign("/api/voice/incoming", fields));

        var result = await ActivatorUtilities.CreateInstance<VoiceWebhooks>(_app.Services).IncomingAsync(request);

        var twiml = Assert.IsType<ContentHttpResult>(result);
        Assert.Equal(VoiceReplyRenderer.ContentType, twiml.ContentType);
        Assert.Contains("John", Twiml.Spoken(Twiml.Parse(twiml.ResponseContent)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncomingAsync_Unsigned_Returns403()
    {
        var request = await FunctionRequest.FormAsync(_app.Services, "/api/voice/incoming", TwilioWebhookClient.CallFields(TwilioWebhookClient.NewCallSid()), signature: null);

        var result = await ActivatorUtilities.CreateInstance<VoiceWebhooks>(_app.Services).IncomingAsync(request);

        Assert.Equal(StatusCodes.Status403Forbidden, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
    }

    private async Task<string> StartCallAsync()
    {
        var callSid = TwilioWebhookClient.NewCallSid();
        await Twiml.ReadAsync(await _twilio.PostAsync("/api/voice/incoming", TwilioWebhookClient.CallFields(callSid)));
        return callSid;
    }

    private async Task<System.Xml.Linq.XElement> TurnAsync(string callSid, string speech)
    {
        var fields = new Dictionary<string, string>(TwilioWebhookClient.CallFields(callSid)) { ["SpeechResult"] = speech, ["Confidence"] = "0.92" };
        return await Twiml.ReadAsync(await _twilio.PostAsync("/api/voice/turn", fields));
    }
}
