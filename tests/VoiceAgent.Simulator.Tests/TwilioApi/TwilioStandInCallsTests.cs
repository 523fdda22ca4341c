using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;
using TwimlText = Twilio.Types.Twiml;
using VoiceAgent.TwilioApiStandIn.Voice;

namespace VoiceAgent.Simulator.Tests.TwilioApi;

/// <summary>The stand-in's Calls API through Twilio's own SDK, and the progress of a call it places (status callbacks, statuses, AnsweredBy).</summary>
public sealed class TwilioStandInCallsTests
{
    private const string Shop = "+15555550100";
    private const string Customer = "+15555550102";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task CreateAsync_ThroughTheSdk_AnswersAQueuedCallTheSdkReads()
    {
        await using var twilio = await StandInUnderTest.StartAsync();

        var call = await CallResource.CreateAsync(Options(), twilio.Client);

        Assert.Matches("^CA[0-9a-f]{32}$", call.Sid);
        Assert.Equal(CallResource.StatusEnum.Queued, call.Status);
        Assert.Equal((Customer, Shop, "outbound-api"), (call.To, call.From, call.Direction));
        Assert.Equal("(555) 555-0102", call.ToFormatted);
        Assert.Equal(StandInUnderTest.Now.UtcDateTime, call.DateCreated!.Value.ToUniversalTime());
        Assert.Null(call.StartTime);
        Assert.Null(call.AnsweredBy);
    }

    [Fact]
    public async Task CreateAsync_NobodyAnswers_SendsInitiatedRingingThenCompletedNoAnswer()
    {
        await using var twilio = await StandInUnderTest.StartAsync();

        var call = await CallResource.CreateAsync(Options(), twilio.Client);
        Assert.True(await twilio.StandIn.WaitForNoLiveCallsAsync(Wait, CancellationToken.None));

        var callbacks = twilio.App.Requests;
        Assert.Equal(["initiated", "ringing", "no-answer"], callbacks.Select(r => r.Field("CallStatus")));
        Assert.Equal(["0", "1", "2"], callbacks.Select(r => r.Field("SequenceNumber")));
        Assert.All(callbacks, r => Assert.True(r.Signed));
        Assert.All(callbacks, r => Assert.Equal(("/api/reminders/status", call.Sid, "outbound-api", Shop, Customer), (r.Path, r.Field("CallSid"), r.Field("Direction"), r.Field("From"), r.Field("To"))));
        Assert.Equal("0", callbacks[^1].Field("CallDuration"));
        Assert.All(callbacks, r => Assert.Null(r.Field("AnsweredBy")));
        var fetched = await CallResource.FetchAsync(call.Sid, client: twilio.Client);
        Assert.Equal(CallResource.StatusEnum.NoAnswer, fetched.Status);
    }

    [Fact]
    public async Task CreateAsync_Busy_SendsInitiatedThenCompletedBusy()
    {
        await using var twilio = await StandInUnderTest.StartAsync(phone: _ => new FakePhone(PhoneAnswer.Busy, TimeSpan.Zero));

        await CallResource.CreateAsync(Options(), twilio.Client);
        Assert.True(await twilio.StandIn.WaitForNoLiveCallsAsync(Wait, CancellationToken.None));

        Assert.Equal(["initiated", "busy"], twilio.App.Requests.Select(r => r.Field("CallStatus")));
        Assert.Equal(CallStatuses.Busy, Assert.Single(twilio.StandIn.Calls).Status);
    }

    [Fact]
    public async Task CreateAsync_PersonAnswers_SendsAnsweredWithAnsweredByHumanAndCompletedWithTheDuration()
    {
        var phone = new FakePhone(PhoneAnswer.Person("yes"), TimeSpan.FromSeconds(41.5));
        await using var twilio = await StandInUnderTest.StartAsync(phone: _ => phone);

        var created = await CallResource.CreateAsync(Options(), twilio.Client);
        Assert.True(await twilio.StandIn.WaitForNoLiveCallsAsync(Wait, CancellationToken.None));

        var callbacks = twilio.App.Requests;
        Assert.Equal(["initiated", "ringing", "in-progress", "completed"], callbacks.Select(r => r.Field("CallStatus")));
        Assert.Equal([null, null, "human", "human"], callbacks.Select(r => r.Field("AnsweredBy")));
        Assert.Equal("42", callbacks[^1].Field("CallDuration"));
        var answered = Assert.Single(phone.Answered);
        Assert.Equal(("https://agent.example.com/api/reminders/answer?appointment=a1", "POST", "human"), (answered.Start.Url, answered.Start.Method, answered.AnsweredBy));
        Assert.Contains(new KeyValuePair<string, string>("AnsweredBy", "human"), answered.Start.Fields);
        Assert.Contains(new KeyValuePair<string, string>("CallStatus", "in-progress"), answered.Start.Fields);
        Assert.Equal((StandInUnderTest.PublicBaseUrl, StandInUnderTest.AuthToken), (answered.PublicBaseUrl, answered.AuthToken));
        Assert.Equal(new Uri("http://127.0.0.1:9"), answered.TargetBaseUrl);

        var fetched = await CallResource.FetchAsync(created.Sid, client: twilio.Client);
        Assert.Equal((CallResource.StatusEnum.Completed, "42", "human"), (fetched.Status, fetched.Duration, fetched.AnsweredBy));
        Assert.Equal(StandInUnderTest.Now.UtcDateTime, fetched.StartTime!.Value.ToUniversalTime());
        Assert.Equal(StandInUnderTest.Now.UtcDateTime.AddSeconds(42), fetched.EndTime!.Value.ToUniversalTime());
    }

    [Theory]
    [InlineData("Enable", "machine_start")]
    [InlineData("DetectMessageEnd", "machine_end_beep")]
    public async Task CreateAsync_MachineAnswers_ReportsWhatDetectionSays(string detection, string answeredBy)
    {
        await using var twilio = await StandInUnderTest.StartAsync(phone: _ => new FakePhone(PhoneAnswer.Machine, TimeSpan.FromSeconds(8)));

        await CallResource.CreateAsync(Options(detection), twilio.Client);
        Assert.True(await twilio.StandIn.WaitForNoLiveCallsAsync(Wait, CancellationToken.None));

        Assert.Equal(answeredBy, Assert.Single(twilio.StandIn.Calls).AnsweredBy);
        Assert.Equal(answeredBy, twilio.App.Requests[^1].Field("AnsweredBy"));
    }

    [Fact]
    public async Task CreateAsync_WithoutMachineDetection_SendsNoAnsweredBy()
    {
        await using var twilio = await StandInUnderTest.StartAsync(phone: _ => new FakePhone(PhoneAnswer.Machine, TimeSpan.FromSeconds(8)));

        await CallResource.CreateAsync(Options(detection: null), twilio.Client);
        Assert.True(await twilio.StandIn.WaitForNoLiveCallsAsync(Wait, CancellationToken.None));

        Assert.All(twilio.App.Requests, r => Assert.Null(r.Field("AnsweredBy")));
    }

    [Fact]
    public async Task CreateAsync_WithoutEvents_SendsOnlyCompleted()
    {
        await using var twilio = await StandInUnderTest.StartAsync(phone: _ => new FakePhone(PhoneAnswer.Person(), TimeSpan.FromSeconds(3)));
        var options = Options();
        options.StatusCallbackEvent = null;

        await CallResource.CreateAsync(options, twilio.Client);
        Assert.True(await twilio.StandIn.WaitForNoLiveCallsAsync(Wait, CancellationToken.None));

        Assert.Equal(["completed"], twilio.App.Requests.Select(r => r.Field("CallStatus")));
    }

    [Fact]
    public async Task CreateAsync_StatusCallbackByGet_SignsTheUrlWithTheFieldsInTheQuery()
    {
        await using var twilio = await StandInUnderTest.StartAsync();
        var options = Options();
        options.StatusCallbackMethod = Twilio.Http.HttpMethod.Get;

        await CallResource.CreateAsync(options, twilio.Client);
        Assert.True(await twilio.StandIn.WaitForNoLiveCallsAsync(Wait, CancellationToken.None));

        Assert.All(twilio.App.Requests, r => Assert.Equal(("GET", true), (r.Method, r.Signed)));
        Assert.Contains("CallStatus=no-answer", twilio.App.Requests[^1].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_SameCallTwice_PlacesTwoCalls()
    {
        await using var twilio = await StandInUnderTest.StartAsync();

        await CallResource.CreateAsync(Options(), twilio.Client);
        await CallResource.CreateAsync(Options(), twilio.Client);
        Assert.True(await twilio.StandIn.WaitForNoLiveCallsAsync(Wait, CancellationToken.None));

        Assert.Equal(2, twilio.StandIn.Calls.Count);
    }

    [Fact]
    public async Task ReadAsync_ByToStatusAndStartTimeAfter_ListsThoseNewestFirst()
    {
        await using var twilio = await StandInUnderTest.StartAsync();
        await CallResource.CreateAsync(Options(), twilio.Client);
        Assert.True(await twilio.StandIn.WaitForNoLiveCallsAsync(Wait, CancellationToken.None));
        twilio.Clock.Advance(TimeSpan.FromHours(2));
        var since = twilio.Clock.GetUtcNow();
        var second = await CallResource.CreateAsync(Options(), twilio.Client);
        await CallResource.CreateAsync(Options(to: "+15555550101"), twilio.Client);
        var third = await CallResource.CreateAsync(Options(), twilio.Client);
        Assert.True(await twilio.StandIn.WaitForNoLiveCallsAsync(Wait, CancellationToken.None));

        var found = await CallResource.ReadAsync(new ReadCallOptions { To = new PhoneNumber(Customer), From = new PhoneNumber(Shop), StartTimeAfter = since.UtcDateTime, Status = CallResource.StatusEnum.NoAnswer }, twilio.Client);

        Assert.Equal([third.Sid, second.Sid], found.Select(c => c.Sid));
    }

    [Fact]
    public async Task UpdateAsync_AnEndedCall_IsTwiliosError21220()
    {
        await using var twilio = await StandInUnderTest.StartAsync();
        var call = await CallResource.CreateAsync(Options(), twilio.Client);
        Assert.True(await twilio.StandIn.WaitForNoLiveCallsAsync(Wait, CancellationToken.None));

        var error = await Assert.ThrowsAsync<ApiException>(() => CallResource.UpdateAsync(new UpdateCallOptions(call.Sid) { Twiml = new TwimlText("<Response><Hangup/></Response>") }, twilio.Client));

        Assert.Equal((21220, 400), (error.Code, error.Status));
    }

    [Fact]
    public async Task UpdateAsync_StatusCompletedOnAnEndedCall_LeavesItAsItIs()
    {
        await using var twilio = await StandInUnderTest.StartAsync();
        var call = await CallResource.CreateAsync(Options(), twilio.Client);
        Assert.True(await twilio.StandIn.WaitForNoLiveCallsAsync(Wait, CancellationToken.None));

        var updated = await CallResource.UpdateAsync(new UpdateCallOptions(call.Sid) { Status = CallResource.UpdateStatusEnum.Completed }, twilio.Client);

        Assert.Equal(CallResource.StatusEnum.NoAnswer, updated.Status);
    }

    [Fact]
    public async Task FetchAsync_UnknownCall_IsTwiliosError20404()
    {
        await using var twilio = await StandInUnderTest.StartAsync();

        var error = await Assert.ThrowsAsync<ApiException>(() => CallResource.FetchAsync("CA" + new string('1', 32), client: twilio.Client));

        Assert.Equal((20404, 404), (error.Code, error.Status));
    }

    [Theory]
    [InlineData("", "https://agent.example.com/a", 21201)]
    [InlineData("call me", "https://agent.example.com/a", 21211)]
    [InlineData(Customer, "not a url", 21205)]
    public async Task CreateAsync_InvalidRequest_IsTwiliosValidationError(string to, string url, int code)
    {
        await using var twilio = await StandInUnderTest.StartAsync();

        var error = await Assert.ThrowsAsync<ApiException>(() => CallResource.CreateAsync(new CreateCallOptions(new PhoneNumber(to), new PhoneNumber(Shop)) { Url = new Uri(url, UriKind.RelativeOrAbsolute) }, twilio.Client));

        Assert.Equal((code, 400), (error.Code, error.Status));
        Assert.Empty(twilio.StandIn.Calls);
    }

    internal static CreateCallOptions Options(string? detection = "Enable", string to = Customer) => new(new PhoneNumber(to), new PhoneNumber(Shop))
    {
        Url = new Uri("https://agent.example.com/api/reminders/answer?appointment=a1"),
        StatusCallback = new Uri("https://agent.example.com/api/reminders/status"),
        StatusCallbackEvent = ["initiated", "ringing", "answered", "completed"],
        StatusCallbackMethod = Twilio.Http.HttpMethod.Post,
        MachineDetection = detection,
    };
}
