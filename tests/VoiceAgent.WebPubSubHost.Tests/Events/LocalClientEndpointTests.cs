using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoiceAgent.Core.LiveEvents;
using VoiceAgent.WebPubSubHost.Events;

namespace VoiceAgent.WebPubSubHost.Tests.Events;

/// <summary>
/// The local fan-out's stand-in for Web PubSub's client endpoint (<c>/client/hubs/{hub}?access_token=…</c>), with tokens
/// minted by the function app's own code (<see cref="LiveEventsClientAccess"/>, the same access key): a token for one
/// tenant's group gets that tenant's events only; a token signed with another key, for another hub, or no token at all
/// is refused with 401 before any upgrade.
/// </summary>
public sealed class LocalClientEndpointTests : IAsyncLifetime
{
    private const string AccessKey = "local-access-key-for-the-client-endpoint-tests";

    private static readonly DateTimeOffset At = new(2026, 12, 1, 15, 15, 0, TimeSpan.Zero);

    private WebApplication _app = null!;

    public async Task InitializeAsync() => _app = await EventsWebApp.StartAsync(new Dictionary<string, string>(), AccessKey);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Connect_TokenForOneTenantsGroup_ReceivesThatTenantsEventsOnly()
    {
        var url = await MintAsync(AccessKey, "northside");
        await using var client = await WebSocketTestClient.ConnectAsync(url);
        Assert.True(await Eventually.TrueAsync(() => _app.Services.GetRequiredService<LocalEventFanOut>().Count == 1));
        var publisher = _app.Services.GetRequiredService<ICallEventPublisher>();

        await publisher.PublishAsync(new AgentSentence("southside", "CA02", At, "Howdy"), CancellationToken.None);
        await publisher.PublishAsync(new AgentSentence("northside", "CA01", At, "Hello"), CancellationToken.None);

        Assert.Equal(System.Text.Encoding.UTF8.GetString(CallEventJson.ToUtf8(new AgentSentence("northside", "CA01", At, "Hello"))), await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task Connect_WrongKeyOtherHubOrNoToken_RefusedWith401()
    {
        var wrongKey = await MintAsync("some-other-access-key-entirely", "northside");
        var otherHub = new Uri((await MintAsync(AccessKey, "northside")).ToString().Replace("/hubs/calls", "/hubs/other", StringComparison.Ordinal));
        var noToken = new Uri(wrongKey.GetLeftPart(UriPartial.Path));

        Assert.Equal(HttpStatusCode.Unauthorized, await WebSocketTestClient.RefusalStatusAsync(wrongKey));
        Assert.Equal(HttpStatusCode.Unauthorized, await WebSocketTestClient.RefusalStatusAsync(otherHub));
        Assert.Equal(HttpStatusCode.Unauthorized, await WebSocketTestClient.RefusalStatusAsync(noToken));
    }

    private async Task<Uri> MintAsync(string key, string tenantId)
    {
        var options = Options.Create(new WebPubSubOptions { ConnectionString = $"Endpoint={EventsWebApp.BaseUrl(_app)};AccessKey={key};Version=1.0;" });
        using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        return await new LiveEventsClientAccess(options, services.GetRequiredService<IHttpClientFactory>()).CreateClientUrlAsync("staff-1", tenantId, CancellationToken.None);
    }
}
