using Twilio.Clients;
using SystemNetHttpClient = Twilio.Http.SystemNetHttpClient;
using VoiceAgent.Core.Hosting;
using VoiceAgent.Core.Telephony;
using VoiceAgent.TwilioApiStandIn;
using VoiceAgent.TwilioApiStandIn.Voice;

namespace VoiceAgent.Simulator.Tests.TwilioApi;

/// <summary>
/// A Twilio stand-in on a loopback port with Twilio's real SDK client pointed at it the way the app points it
/// (<see cref="BaseUrlRedirectHandler"/>), and the app's webhooks answered by a <see cref="StubWebhookApp"/>.
/// </summary>
internal sealed class StandInUnderTest : IAsyncDisposable
{
    public const string AuthToken = "stand-in-test-token";
    public static readonly Uri PublicBaseUrl = new("https://agent.example.com");
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 15, 15, 0, TimeSpan.Zero);

    private readonly HttpClient _sdkHttp;

    private StandInUnderTest(TwilioStandIn standIn, StubWebhookApp app, HttpClient sdkHttp, Microsoft.Extensions.Time.Testing.FakeTimeProvider clock)
    {
        StandIn = standIn;
        App = app;
        _sdkHttp = sdkHttp;
        Clock = clock;
        Client = new TwilioRestClient(standIn.AccountSid, AuthToken, httpClient: new SystemNetHttpClient(sdkHttp));
    }

    public TwilioStandIn StandIn { get; }
    public StubWebhookApp App { get; }
    public ITwilioRestClient Client { get; }
    /// <summary>Plain HTTP to the stand-in (its wire, not the SDK's reading of it).</summary>
    public HttpClient Http => _sdkHttp;
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; }

    /// <summary>A client for the same stand-in with other credentials.</summary>
    public ITwilioRestClient ClientWith(string accountSid, string authToken) => new TwilioRestClient(accountSid, authToken, httpClient: new SystemNetHttpClient(_sdkHttp));

    public static async Task<StandInUnderTest> StartAsync(Func<StubWebhookApp.Request, Task<HttpResponseMessage?>>? answer = null, Func<StubWebhookApp, IOutboundPhone>? phone = null, IReadOnlyList<string>? phoneNumbers = null)
    {
        var app = new StubWebhookApp(AuthToken, PublicBaseUrl, answer ?? (_ => Task.FromResult<HttpResponseMessage?>(null)));
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now);
        var standIn = await TwilioStandIn.StartAsync(new TwilioStandInOptions
        {
            AuthToken = AuthToken,
            Time = clock,
            Phone = phone?.Invoke(app) ?? NobodyAnswers.Instance,
            WebhookHandler = app,
            PhoneNumbers = phoneNumbers ?? [],
        }, CancellationToken.None);
        standIn.RouteWebhooks(PublicBaseUrl, new Uri("http://127.0.0.1:9"));
        var sdkHttp = new HttpClient(new BaseUrlRedirectHandler(standIn.BaseUrl) { InnerHandler = new HttpClientHandler() });
        return new StandInUnderTest(standIn, app, sdkHttp, clock);
    }

    public async ValueTask DisposeAsync()
    {
        await StandIn.DisposeAsync();
        _sdkHttp.Dispose();
        App.Dispose();
    }
}
