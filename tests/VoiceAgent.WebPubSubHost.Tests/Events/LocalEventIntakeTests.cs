using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoiceAgent.Core.LiveEvents;
using VoiceAgent.WebPubSubHost.Events;

namespace VoiceAgent.WebPubSubHost.Tests.Events;

/// <summary>
/// The function app's live call events into the host's local fan-out: sent by core's own Web PubSub REST client
/// (<see cref="WebPubSubGroupSender"/> with an access key), as the app sends them in tools/dev; a wrong key, another
/// hub, or an event of another tenant than the group's is refused and reaches nobody.
/// </summary>
public sealed class LocalEventIntakeTests : IAsyncLifetime
{
    private const string Key = "local-events-key-0123456789abcdef0123456789abcdef";
    private const string NorthsideToken = "northside-dev-token-0123456789";
    private static readonly DateTimeOffset At = new(2026, 12, 1, 15, 15, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string> Staff = new() { ["northside"] = NorthsideToken };

    private readonly HttpClient _http = new();
    private WebApplication _app = null!;

    private Uri BaseUrl => EventsWebApp.BaseUrl(_app);

    public async Task InitializeAsync() => _app = await EventsWebApp.StartAsync(Staff, Key);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Send_SignedWithTheKey_ReachesTheTenantsStaffAsTheSameJson()
    {
        await using var staff = await WebSocketTestClient.ConnectAsync(EventsWebApp.EventsUri(_app), o => o.SetRequestHeader("Authorization", "Bearer " + NorthsideToken));
        Assert.True(await Eventually.TrueAsync(() => _app.Services.GetRequiredService<LocalEventFanOut>().Count == 1));
        var sentence = new AgentSentence("northside", "CA01", At, "Thanks for calling.");

        var status = await Sender(Key).SendAsync(TenantEventGroup.For("northside"), CallEventJson.ToUtf8(sentence), CancellationToken.None);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(Encoding.UTF8.GetString(CallEventJson.ToUtf8(sentence)), await staff.ReceiveTextAsync());
    }

    [Fact]
    public async Task Send_SignedWithAnotherKey_Is401()
    {
        var status = await Sender("not-the-key-0123456789abcdef0123456789abcdef").SendAsync(TenantEventGroup.For("northside"), CallEventJson.ToUtf8(new AgentSentence("northside", "CA01", At, "Hi")), CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Send_Unsigned_Is401()
    {
        using var content = new ByteArrayContent(CallEventJson.ToUtf8(new AgentSentence("northside", "CA01", At, "Hi")));
        content.Headers.ContentType = new("application/json");

        var response = await _http.PostAsync(new Uri(BaseUrl, "api/hubs/calls/groups/tenant.northside/:send?api-version=2024-12-01"), content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("tenant.southside", """{"type":"agentSentence","tenantId":"northside","callSid":"CA01","at":"2026-12-01T15:15:00+00:00","text":"Hi"}""")]
    [InlineData("everyone", """{"type":"agentSentence","tenantId":"northside","callSid":"CA01","at":"2026-12-01T15:15:00+00:00","text":"Hi"}""")]
    [InlineData("tenant.northside", """{"type":"somethingElse","tenantId":"northside","callSid":"CA01"}""")]
    [InlineData("tenant.northside", "not json")]
    public async Task Send_NotOneEventOfTheGroupsTenant_Is400(string group, string body)
    {
        var status = await Sender(Key).SendAsync(group, Encoding.UTF8.GetBytes(body), CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task NoLocalAccessKey_TheIntakeIsNotMapped()
    {
        await using var app = await EventsWebApp.StartAsync(Staff, localAccessKey: null);
        var sender = new WebPubSubGroupSender(_http, EventsWebApp.BaseUrl(app), new AccessKeyAuthorization(Key, TimeProvider.System), Options.Create(new WebPubSubOptions { MaxSendAttempts = 1 }), TimeProvider.System);

        var status = await sender.SendAsync(TenantEventGroup.For("northside"), CallEventJson.ToUtf8(new AgentSentence("northside", "CA01", At, "Hi")), CancellationToken.None);

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    private WebPubSubGroupSender Sender(string key) =>
        new(_http, BaseUrl, new AccessKeyAuthorization(key, TimeProvider.System), Options.Create(new WebPubSubOptions { MaxSendAttempts = 1 }), TimeProvider.System);
}
