using System.Net;
using VoiceAgent.TestSupport;
using VoiceAgent.WebPubSubHost.Tests.Support;

namespace VoiceAgent.WebPubSubHost.Tests;

/// <summary>The always-on host runs and answers its probes (the incoming webhook asks <c>/healthz</c> before it hands a call over).</summary>
public sealed class HealthEndpointTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Healthz_Running_ReturnsOkStatus()
    {
        await using var host = await RealtimeHost.StartAsync(azurite.ConnectionString);
        using var http = new HttpClient { BaseAddress = new Uri(host.SocketBase.AbsoluteUri.Replace("ws://", "http://", StringComparison.Ordinal)) };

        var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"status\":\"ok\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Relay_NotAWebSocket_BadRequest()
    {
        await using var host = await RealtimeHost.StartAsync(azurite.ConnectionString);
        using var http = new HttpClient { BaseAddress = new Uri(host.SocketBase.AbsoluteUri.Replace("ws://", "http://", StringComparison.Ordinal)) };

        var response = await http.GetAsync(new Uri("/relay", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
