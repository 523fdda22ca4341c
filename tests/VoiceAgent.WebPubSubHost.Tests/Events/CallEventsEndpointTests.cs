using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.WebPubSubHost.Events;
using VoiceAgent.Core.LiveEvents;

namespace VoiceAgent.WebPubSubHost.Tests.Events;

/// <summary>
/// <c>/events</c> on a real Kestrel host with core's staff sign-in (dev tokens): a staff member gets their own tenant's
/// events only, and nobody gets in without a credential.
/// </summary>
public sealed class CallEventsEndpointTests : IAsyncLifetime
{
    private const string NorthsideToken = "northside-dev-token-0123456789";
    private const string SouthsideToken = "southside-dev-token-9876543210";

    private static readonly DateTimeOffset At = new(2026, 12, 1, 15, 15, 0, TimeSpan.Zero);

    private WebApplication _app = null!;

    private Uri EventsUri => EventsWebApp.EventsUri(_app);

    private ICallEventPublisher Publisher => _app.Services.GetRequiredService<ICallEventPublisher>();

    public async Task InitializeAsync() => _app = await EventsWebApp.StartAsync(new Dictionary<string, string> { ["northside"] = NorthsideToken, ["southside"] = SouthsideToken });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Connect_StaffDevToken_ReceivesOwnTenantsEventsOnly()
    {
        await using var northside = await ConnectAsync(NorthsideToken);
        Assert.True(await Eventually.TrueAsync(() => _app.Services.GetRequiredService<LocalEventFanOut>().Count == 1));

        await Publisher.PublishAsync(new AgentSentence("southside", "CA02", At, "Howdy"), CancellationToken.None);
        await Publisher.PublishAsync(new AgentSentence("northside", "CA01", At, "Hello"), CancellationToken.None);

        Assert.Equal(Json(new AgentSentence("northside", "CA01", At, "Hello")), await northside.ReceiveTextAsync());
    }

    [Fact]
    public async Task Connect_NoCredential_RefusedWith401()
    {
        var status = await WebSocketTestClient.RefusalStatusAsync(EventsUri);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Connect_UnknownToken_RefusedWith401()
    {
        var status = await WebSocketTestClient.RefusalStatusAsync(EventsUri, options => options.SetRequestHeader("Authorization", "Bearer not-a-staff-token"));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Close_ClientLeaves_SubscriptionEnds()
    {
        var fanOut = _app.Services.GetRequiredService<LocalEventFanOut>();
        var client = await ConnectAsync(SouthsideToken);
        Assert.True(await Eventually.TrueAsync(() => fanOut.Count == 1));

        await client.DisposeAsync();

        Assert.True(await Eventually.TrueAsync(() => fanOut.Count == 0));
    }

    private Task<WebSocketTestClient> ConnectAsync(string token) =>
        WebSocketTestClient.ConnectAsync(EventsUri, options => options.SetRequestHeader("Authorization", "Bearer " + token));

    private static string Json(CallEvent callEvent) => System.Text.Encoding.UTF8.GetString(CallEventJson.ToUtf8(callEvent));
}
