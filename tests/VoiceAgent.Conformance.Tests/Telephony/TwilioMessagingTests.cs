using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Twilio.Clients;
using VoiceAgent.Core.Telephony;

namespace VoiceAgent.Conformance.Tests.Telephony;

/// <summary>
/// <see cref="TwilioMessaging"/> through the registered Twilio SDK client against a local server speaking Twilio's REST wire
/// format (<see cref="FakeTwilioApi"/>): the requests it makes, and how Twilio's answers and errors map to what the workflow does.
/// </summary>
public sealed class TwilioMessagingTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string Shop = "+15555550100";
    private const string Customer = "+15555550101";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Uri AnswerUrl = new("https://voiceagent.example.com/api/voice/reminder?appointment=20261203-abc&attempt=1");
    private static readonly Uri StatusUrl = new("https://voiceagent.example.com/api/voice/reminder/status?instance=reminder-x");

    [Fact]
    public async Task SendSmsAsync_Accepted_PostsToFromBodyAndReturnsTheSid()
    {
        await using var api = await FakeTwilioApi.StartAsync();
        await using var services = Services(api.BaseUrl);

        var sent = await Messaging(services).SendSmsAsync(Shop, Customer, "Your oil change is booked.", None);

        Assert.Equal(TwilioSendStatus.Accepted, sent.Status);
        var message = Assert.Single(api.Messages);
        Assert.Equal(message.Sid, sent.Sid);
        var request = Assert.Single(api.Requests);
        Assert.Equal(("POST", $"/2010-04-01/Accounts/{AccountSid}/Messages.json"), (request.Method, request.Path));
        Assert.Equal(Customer, request.Form["To"]);
        Assert.Equal(Shop, request.Form["From"]);
        Assert.Equal("Your oil change is booked.", request.Form["Body"]);
    }

    [Theory]
    [InlineData(400, 21610, TwilioSendStatus.OptedOut)]
    [InlineData(429, 20429, TwilioSendStatus.Retry)]
    [InlineData(429, 0, TwilioSendStatus.Retry)]
    [InlineData(400, 21211, TwilioSendStatus.Rejected)]
    [InlineData(401, 20003, TwilioSendStatus.Rejected)]
    [InlineData(500, 20500, TwilioSendStatus.Retry)]
    [InlineData(503, 20503, TwilioSendStatus.Retry)]
    public async Task SendSmsAsync_TwilioError_MapsToWhatTheWorkflowDoes(int status, int code, TwilioSendStatus expected)
    {
        await using var api = await FakeTwilioApi.StartAsync();
        api.FailNext("Messages", status, code, "Twilio says no");
        await using var services = Services(api.BaseUrl);

        var sent = await Messaging(services).SendSmsAsync(Shop, Customer, "Reminder", None);

        Assert.Equal(expected, sent.Status);
        Assert.Null(sent.Sid);
        Assert.Equal(code == 0 ? null : code, sent.ErrorCode);
        Assert.Contains("Twilio says no", sent.Reason, StringComparison.Ordinal);
        Assert.Empty(api.Messages);
    }

    [Fact]
    public async Task SendSmsAsync_GatewayPageInsteadOfTwilioError_IsRetried()
    {
        await using var api = await FakeTwilioApi.StartAsync();
        api.FailNextRaw("Messages", 502, "<html><body>Bad Gateway</body></html>");
        await using var services = Services(api.BaseUrl);

        var sent = await Messaging(services).SendSmsAsync(Shop, Customer, "Reminder", None);

        Assert.Equal(TwilioSendStatus.Retry, sent.Status);
    }

    [Fact]
    public async Task SendSmsAsync_NothingListening_IsRetried()
    {
        await using var services = Services(new Uri($"http://127.0.0.1:{ClosedPort()}"));

        var sent = await Messaging(services).SendSmsAsync(Shop, Customer, "Reminder", None);

        Assert.Equal(TwilioSendStatus.Retry, sent.Status);
        Assert.Null(sent.Sid);
    }

    [Fact]
    public async Task FindSentSmsAsync_SameBodySinceTheClaim_FindsItsSid()
    {
        await using var api = await FakeTwilioApi.StartAsync();
        var claim = DateTimeOffset.UtcNow.AddMinutes(-1);
        api.AddMessage(Shop, Customer, "Your oil change is booked.", claim.AddHours(-3)); // the same text, long before the claim
        api.AddMessage(Shop, Customer, "Some other text", claim.AddSeconds(10));
        api.AddMessage(Shop, "+15555550102", "Your oil change is booked.", claim.AddSeconds(10)); // someone else
        var sent = api.AddMessage(Shop, Customer, "Your oil change is booked.", claim.AddSeconds(5));
        await using var services = Services(api.BaseUrl);

        var found = await Messaging(services).FindSentSmsAsync(Shop, Customer, "Your oil change is booked.", claim, None);

        Assert.Equal(sent.Sid, found);
        var request = Assert.Single(api.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Contains("To=%2B15555550101", request.Query, StringComparison.Ordinal);
        Assert.Contains("From=%2B15555550100", request.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindSentSmsAsync_TwilioHasNone_ReturnsNull()
    {
        await using var api = await FakeTwilioApi.StartAsync();
        api.AddMessage(Shop, Customer, "Your oil change is booked.", DateTimeOffset.UtcNow.AddDays(-1));
        await using var services = Services(api.BaseUrl);

        var found = await Messaging(services).FindSentSmsAsync(Shop, Customer, "Your oil change is booked.", DateTimeOffset.UtcNow.AddMinutes(-5), None);

        Assert.Null(found);
    }

    [Fact]
    public async Task FindSentSmsAsync_ListFails_ThrowsSoTheWorkflowRetriesInsteadOfResending()
    {
        await using var api = await FakeTwilioApi.StartAsync();
        api.FailNext("Messages", 503, 20503, "Service unavailable");
        await using var services = Services(api.BaseUrl);

        await Assert.ThrowsAsync<TwilioUnavailableException>(() =>
            Messaging(services).FindSentSmsAsync(Shop, Customer, "Reminder", DateTimeOffset.UtcNow.AddMinutes(-5), None));
    }

    [Fact]
    public async Task CreateCallAsync_Accepted_AsksForMachineDetectionAndEveryStatusEvent()
    {
        await using var api = await FakeTwilioApi.StartAsync();
        await using var services = Services(api.BaseUrl);

        var placed = await Messaging(services).CreateCallAsync(Shop, Customer, AnswerUrl, StatusUrl, None);

        Assert.Equal(TwilioSendStatus.Accepted, placed.Status);
        Assert.Equal(Assert.Single(api.Calls.Keys), placed.Sid);
        var request = Assert.Single(api.Requests);
        Assert.Equal(("POST", $"/2010-04-01/Accounts/{AccountSid}/Calls.json"), (request.Method, request.Path));
        Assert.Equal(Customer, request.Form["To"]);
        Assert.Equal(Shop, request.Form["From"]);
        Assert.Equal(AnswerUrl.AbsoluteUri, request.Form["Url"]);
        Assert.Equal("POST", request.Form["Method"]);
        Assert.Equal(StatusUrl.AbsoluteUri, request.Form["StatusCallback"]);
        Assert.Equal("POST", request.Form["StatusCallbackMethod"]);
        Assert.Equal(["initiated", "ringing", "answered", "completed"], request.StatusCallbackEvents);
        Assert.Equal("Enable", request.Form["MachineDetection"]);
    }

    [Theory]
    [InlineData(400, 21211, TwilioSendStatus.Rejected)]
    [InlineData(429, 20429, TwilioSendStatus.Retry)]
    [InlineData(500, 20500, TwilioSendStatus.Retry)]
    public async Task CreateCallAsync_TwilioError_MapsToWhatTheWorkflowDoes(int status, int code, TwilioSendStatus expected)
    {
        await using var api = await FakeTwilioApi.StartAsync();
        api.FailNext("Calls", status, code, "Twilio says no");
        await using var services = Services(api.BaseUrl);

        var placed = await Messaging(services).CreateCallAsync(Shop, Customer, AnswerUrl, StatusUrl, None);

        Assert.Equal(expected, placed.Status);
        Assert.Equal(code, placed.ErrorCode);
        Assert.Empty(api.Calls);
    }

    [Fact]
    public async Task FindCallAsync_CallSinceTheClaim_FindsItsSid()
    {
        await using var api = await FakeTwilioApi.StartAsync();
        var claim = DateTimeOffset.UtcNow.AddMinutes(-1);
        api.AddCall(Shop, Customer, claim.AddHours(-2)); // yesterday's attempt
        var placed = api.AddCall(Shop, Customer, claim.AddSeconds(3), status: "ringing");
        await using var services = Services(api.BaseUrl);

        var found = await Messaging(services).FindCallAsync(Shop, Customer, claim, None);
        var none = await Messaging(services).FindCallAsync(Shop, "+15555550102", claim, None);

        Assert.Equal(placed.Sid, found);
        Assert.Null(none);
    }

    [Fact]
    public async Task CallStatusAsync_KnownAndUnknownCall_TwiliosStatusOrNull()
    {
        await using var api = await FakeTwilioApi.StartAsync();
        var call = api.AddCall(Shop, Customer, DateTimeOffset.UtcNow, status: "no-answer");
        await using var services = Services(api.BaseUrl);

        Assert.Equal("no-answer", await Messaging(services).CallStatusAsync(call.Sid, None));
        Assert.Null(await Messaging(services).CallStatusAsync("CA" + new string('0', 32), None));
    }

    [Fact]
    public async Task UpdateCallAsync_LiveCall_PostsTheTwiml()
    {
        await using var api = await FakeTwilioApi.StartAsync();
        var call = api.AddCall(Shop, Customer, DateTimeOffset.UtcNow, status: "in-progress");
        await using var services = Services(api.BaseUrl);

        await Messaging(services).UpdateCallAsync(call.Sid, "<Response><Hangup/></Response>", None);

        Assert.Equal("<Response><Hangup/></Response>", api.Calls[call.Sid].Twiml);
        Assert.Equal(("POST", $"/2010-04-01/Accounts/{AccountSid}/Calls/{call.Sid}.json"), (api.Requests.Last().Method, api.Requests.Last().Path));
    }

    [Fact]
    public async Task UpdateCallAsync_CallAlreadyEnded_LeavesItAlone()
    {
        await using var api = await FakeTwilioApi.StartAsync();
        var call = api.AddCall(Shop, Customer, DateTimeOffset.UtcNow, status: "completed");
        await using var services = Services(api.BaseUrl);

        await Messaging(services).UpdateCallAsync(call.Sid, "<Response><Hangup/></Response>", None);

        Assert.Null(api.Calls[call.Sid].Twiml);
    }

    [Fact]
    public async Task UpdateCallAsync_TwilioDown_ThrowsSoTheCallerRetries()
    {
        await using var api = await FakeTwilioApi.StartAsync();
        var call = api.AddCall(Shop, Customer, DateTimeOffset.UtcNow, status: "in-progress");
        api.FailNext("Calls", 500, 20500, "Internal error");
        await using var services = Services(api.BaseUrl);

        await Assert.ThrowsAsync<TwilioUnavailableException>(() => Messaging(services).UpdateCallAsync(call.Sid, "<Response/>", None));
    }

    private static TwilioMessaging Messaging(ServiceProvider services) =>
        new(services.GetRequiredService<ITwilioRestClient>(), NullLogger<TwilioMessaging>.Instance);

    private static ServiceProvider Services(Uri apiBaseUrl)
    {
        var services = new ServiceCollection();
        services.Configure<TwilioOptions>(options =>
        {
            options.AccountSid = AccountSid;
            options.AuthToken = "test-auth-token";
            options.ApiBaseUrl = apiBaseUrl;
            options.PublicBaseUrl = new Uri("https://voiceagent.example.com");
        });
        services.AddTwilioRestClient();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>A loopback port nobody listens on: connections are refused at once.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
