using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;
using TwimlText = Twilio.Types.Twiml;
using VoiceAgent.CallSimulator.Telephony;
using VoiceAgent.Simulator.Tests.TwilioApi;
using VoiceAgent.TwilioApiStandIn.Voice;

namespace VoiceAgent.Simulator.Tests.Telephony;

/// <summary>
/// Outbound calls end to end through the Twilio stand-in: the SDK places the call, the simulator's phone answers it and
/// plays the app's TwiML (a stub app checking every signature), and the stand-in sends the status callbacks.
/// </summary>
public sealed class SimulatedPhoneTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Person_SaysYes_PlaysTheReminderAndPostsTheSpeechSignedInOrder()
    {
        await using var twilio = await StartAsync(PhoneAnswer.Person("yes, I'll be there"));

        await CallResource.CreateAsync(TwilioStandInCallsTests.Options(), twilio.Client);
        Assert.True(await twilio.StandIn.WaitForNoLiveCallsAsync(Wait, CancellationToken.None));

        var requests = twilio.App.Requests;
        Assert.All(requests, r => Assert.True(r.Signed, $"{r.Path} was not signed as Twilio signs"));
        Assert.Equal(
            ["status initiated", "status ringing", "status in-progress", "answer in-progress", "turn in-progress", "status completed"],
            requests.Select(r => $"{r.Path.Split('/')[^1]} {r.Field("CallStatus")}"));
        Assert.Equal(("human", "outbound-api", "+15555550100", "+15555550102"), (requests[3].Field("AnsweredBy"), requests[3].Field("Direction"), requests[3].Field("From"), requests[3].Field("To")));
        Assert.Equal("?appointment=a1", requests[3].Query);
        Assert.Equal(("yes, I'll be there", "0.92", null), (requests[4].Field("SpeechResult"), requests[4].Field("Confidence"), requests[4].Field("Digits")));

        var call = Assert.Single(twilio.StandIn.Calls);
        Assert.Equal((CallStatuses.Completed, "human", null), (call.Status, call.AnsweredBy, call.Error));
        Assert.Contains("Agent: Your tire rotation is tomorrow at 10. Say yes or press 1 to confirm.", call.Transcript);
        Assert.Contains("Agent: Confirmed, see you then.", call.Transcript);
        Assert.True(call.Duration > 0);
        Assert.Equal(call.Duration.ToString(), requests[^1].Field("CallDuration"));
    }

    [Fact]
    public async Task Person_PressesOne_PostsTheDigits()
    {
        await using var twilio = await StartAsync(PhoneAnswer.Person("1"));

        await CallResource.CreateAsync(TwilioStandInCallsTests.Options(), twilio.Client);
        Assert.True(await twilio.StandIn.WaitForNoLiveCallsAsync(Wait, CancellationToken.None));

        var turn = Assert.Single(twilio.App.Requests, r => r.Path.EndsWith("/turn", StringComparison.Ordinal));
        Assert.Equal("1", turn.Field("Digits"));
        Assert.Contains("Agent: Confirmed, see you then.", Assert.Single(twilio.StandIn.Calls).Transcript);
    }

    [Fact]
    public async Task Machine_HearsTheVoicemailAndSaysNothing()
    {
        await using var twilio = await StartAsync(PhoneAnswer.Machine);

        await CallResource.CreateAsync(TwilioStandInCallsTests.Options(), twilio.Client);
        Assert.True(await twilio.StandIn.WaitForNoLiveCallsAsync(Wait, CancellationToken.None));

        var answer = Assert.Single(twilio.App.Requests, r => r.Path.EndsWith("/answer", StringComparison.Ordinal));
        Assert.Equal("machine_start", answer.Field("AnsweredBy"));
        Assert.DoesNotContain(twilio.App.Requests, r => r.Path.EndsWith("/turn", StringComparison.Ordinal));
        var call = Assert.Single(twilio.StandIn.Calls);
        Assert.Equal((CallStatuses.Completed, "machine_start"), (call.Status, call.AnsweredBy));
        Assert.Contains("Agent: This is Northside Auto Care with a reminder about tomorrow.", call.Transcript);
    }

    [Theory]
    [InlineData(PhonePickup.Nobody, CallStatuses.NoAnswer, new[] { "initiated", "ringing", "no-answer" })]
    [InlineData(PhonePickup.Busy, CallStatuses.Busy, new[] { "initiated", "busy" })]
    public async Task Unanswered_NeverRequestsTheCallsUrl(PhonePickup pickup, string status, string[] callbacks)
    {
        await using var twilio = await StartAsync(new PhoneAnswer(pickup));

        await CallResource.CreateAsync(TwilioStandInCallsTests.Options(), twilio.Client);
        Assert.True(await twilio.StandIn.WaitForNoLiveCallsAsync(Wait, CancellationToken.None));

        Assert.Equal(callbacks, twilio.App.Requests.Select(r => r.Field("CallStatus")));
        Assert.All(twilio.App.Requests, r => Assert.EndsWith("/status", r.Path, StringComparison.Ordinal));
        Assert.Equal(status, Assert.Single(twilio.StandIn.Calls).Status);
    }

    [Fact]
    public async Task UpdateWithTwiml_WhileTheAppAnswers_PlaysTheNewTwimlInstead()
    {
        await using var twilio = await StartAsync(PhoneAnswer.Person("yes"), onAnswer: (client, sid) =>
            CallResource.UpdateAsync(new UpdateCallOptions(sid) { Twiml = new TwimlText("<Response><Say>Sorry, we have to cut this short.</Say><Hangup/></Response>") }, client));

        await CallResource.CreateAsync(TwilioStandInCallsTests.Options(), twilio.Client);
        Assert.True(await twilio.StandIn.WaitForNoLiveCallsAsync(Wait, CancellationToken.None));

        var call = Assert.Single(twilio.StandIn.Calls);
        Assert.Contains("Agent: Sorry, we have to cut this short.", call.Transcript);
        Assert.DoesNotContain("Agent: Your tire rotation is tomorrow at 10. Say yes or press 1 to confirm.", call.Transcript);
        Assert.Equal(LiveCallUpdateKind.Twiml, Assert.Single(call.Updates).Kind);
        Assert.DoesNotContain(twilio.App.Requests, r => r.Path.EndsWith("/turn", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpdateWithUrl_WhileTheAppAnswers_RequestsThatUrl()
    {
        await using var twilio = await StartAsync(PhoneAnswer.Person("yes"), onAnswer: (client, sid) =>
            CallResource.UpdateAsync(new UpdateCallOptions(sid) { Url = new Uri("https://agent.example.com/api/reminders/goodbye"), Method = Twilio.Http.HttpMethod.Post }, client));

        await CallResource.CreateAsync(TwilioStandInCallsTests.Options(), twilio.Client);
        Assert.True(await twilio.StandIn.WaitForNoLiveCallsAsync(Wait, CancellationToken.None));

        Assert.Contains(twilio.App.Requests, r => r.Path == "/api/reminders/goodbye" && r.Signed);
        Assert.Contains("Agent: Goodbye.", Assert.Single(twilio.StandIn.Calls).Transcript);
    }

    [Fact]
    public async Task UpdateStatusCompleted_WhileTheAppAnswers_HangsUp()
    {
        await using var twilio = await StartAsync(PhoneAnswer.Person("yes"), onAnswer: (client, sid) =>
            CallResource.UpdateAsync(new UpdateCallOptions(sid) { Status = CallResource.UpdateStatusEnum.Completed }, client));

        await CallResource.CreateAsync(TwilioStandInCallsTests.Options(), twilio.Client);
        Assert.True(await twilio.StandIn.WaitForNoLiveCallsAsync(Wait, CancellationToken.None));

        var call = Assert.Single(twilio.StandIn.Calls);
        Assert.Equal(CallStatuses.Completed, call.Status);
        Assert.Equal("[hung up through the REST API]", call.Transcript[^1]);
        Assert.Equal("completed", twilio.App.Requests[^1].Field("CallStatus"));
    }

    [Fact]
    public async Task CreateWithTwiml_PlaysItWithoutRequestingAUrl()
    {
        await using var twilio = await StartAsync(PhoneAnswer.Person());
        var options = TwilioStandInCallsTests.Options();
        options.Url = null;
        options.Twiml = new TwimlText("<Response><Say>Your car is ready.</Say></Response>");

        await CallResource.CreateAsync(options, twilio.Client);
        Assert.True(await twilio.StandIn.WaitForNoLiveCallsAsync(Wait, CancellationToken.None));

        Assert.Contains("Agent: Your car is ready.", Assert.Single(twilio.StandIn.Calls).Transcript);
        Assert.All(twilio.App.Requests, r => Assert.EndsWith("/status", r.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateWithTwiml_RelativeGatherAction_FailsTheCallWithTheReason()
    {
        await using var twilio = await StartAsync(PhoneAnswer.Person("yes"));
        var options = TwilioStandInCallsTests.Options();
        options.Url = null;
        options.Twiml = new TwimlText("<Response><Gather action=\"/api/reminders/turn\" input=\"speech\"><Say>Confirm?</Say></Gather></Response>");

        await CallResource.CreateAsync(options, twilio.Client);
        Assert.True(await twilio.StandIn.WaitForNoLiveCallsAsync(Wait, CancellationToken.None));

        Assert.Contains("must be absolute", Assert.Single(twilio.StandIn.Calls).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppFailsTheAnswerWebhook_TheCallRecordsTheFailureAndStillCompletes()
    {
        await using var twilio = await StartAsync(PhoneAnswer.Person("yes"), failAnswer: true);

        await CallResource.CreateAsync(TwilioStandInCallsTests.Options(), twilio.Client);
        Assert.True(await twilio.StandIn.WaitForNoLiveCallsAsync(Wait, CancellationToken.None));

        var call = Assert.Single(twilio.StandIn.Calls);
        Assert.Contains("HTTP 500", call.Error, StringComparison.Ordinal);
        Assert.Equal("completed", twilio.App.Requests[^1].Field("CallStatus"));
    }

    /// <summary>
    /// A stand-in whose phone is the simulator, in front of a stub reminder app: the answer webhook greets a person with a
    /// gather (or leaves a machine a voicemail), the turn confirms on "yes" or 1. <paramref name="onAnswer"/> runs inside
    /// the answer webhook, as an app changing the live call through the API would.
    /// </summary>
    private static async Task<StandInUnderTest> StartAsync(PhoneAnswer answer, Func<Twilio.Clients.ITwilioRestClient, string, Task>? onAnswer = null, bool failAnswer = false)
    {
        StandInUnderTest? twilio = null;
        twilio = await StandInUnderTest.StartAsync(
            async request => request.Path switch
            {
                "/api/reminders/answer" when failAnswer => new HttpResponseMessage(System.Net.HttpStatusCode.InternalServerError),
                "/api/reminders/answer" => await AnswerAsync(request, twilio!, onAnswer),
                "/api/reminders/turn" => StubWebhookApp.Twiml(request.Field("Digits") == "1" || request.Field("SpeechResult")?.Contains("yes", StringComparison.OrdinalIgnoreCase) == true
                    ? "<Response><Say>Confirmed, see you then.</Say><Hangup/></Response>"
                    : "<Response><Say>Sorry.</Say><Hangup/></Response>"),
                "/api/reminders/goodbye" => StubWebhookApp.Twiml("<Response><Say>Goodbye.</Say><Hangup/></Response>"),
                _ => null,
            },
            phone: app => new SimulatedPhone(new HttpClient(app, disposeHandler: false), _ => answer));
        return twilio;
    }

    private static async Task<HttpResponseMessage> AnswerAsync(StubWebhookApp.Request request, StandInUnderTest twilio, Func<Twilio.Clients.ITwilioRestClient, string, Task>? onAnswer)
    {
        if (onAnswer is not null)
        {
            await onAnswer(twilio.Client, request.Field("CallSid")!);
        }

        return StubWebhookApp.Twiml(request.Field("AnsweredBy")?.StartsWith("machine", StringComparison.Ordinal) == true
            ? "<Response><Say>This is Northside Auto Care with a reminder about tomorrow.</Say><Hangup/></Response>"
            : "<Response><Gather action=\"/api/reminders/turn\" input=\"speech dtmf\" actionOnEmptyResult=\"true\"><Say>Your tire rotation is tomorrow at 10. Say yes or press 1 to confirm.</Say></Gather></Response>");
    }
}
