using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VoiceAgent.WebPubSubHost.Events;
using VoiceAgent.WebPubSubStandIn;
using VoiceAgent.Core.LiveEvents;

namespace VoiceAgent.WebPubSubHost.Tests.Events;

/// <summary>The publisher as the host registers it, through the Web PubSub stand-in, to clients subscribed to a tenant's group.</summary>
public sealed class WebPubSubEventPublisherTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 15, 15, 0, TimeSpan.Zero);

    private PubSubStandIn _service = null!;

    public async Task InitializeAsync() => _service = await PubSubStandIn.StartAsync(new PubSubStandInOptions(), CancellationToken.None);

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task PublishAsync_TenantsEvent_ReachesThatTenantsGroupOnly()
    {
        await using var northside = await ConnectAsync("tenant.northside");
        await using var southside = await ConnectAsync("tenant.southside");
        using var host = EventsHost.Build(EventsHost.PubSub(_service.ConnectionString));
        await host.StartAsync();
        var publisher = host.Services.GetRequiredService<ICallEventPublisher>();

        await publisher.PublishAsync(new AgentSentence("northside", "CA01", At, "Hello"), CancellationToken.None);
        await publisher.PublishAsync(new AgentSentence("southside", "CA02", At, "Howdy"), CancellationToken.None);
        await publisher.PublishAsync(new CallEnded("northside", "CA01", At, "goodbye"), CancellationToken.None);

        // sent in order, so northside's second message being its own second event shows southside's never reached it
        Assert.Equal(Envelope("tenant.northside", new AgentSentence("northside", "CA01", At, "Hello")), await northside.ReceiveTextAsync());
        Assert.Equal(Envelope("tenant.northside", new CallEnded("northside", "CA01", At, "goodbye")), await northside.ReceiveTextAsync());
        Assert.Equal(Envelope("tenant.southside", new AgentSentence("southside", "CA02", At, "Howdy")), await southside.ReceiveTextAsync());
        await host.StopAsync();
    }

    [Fact]
    public async Task PublishAsync_WithConnectionString_SendsJsonSignedWithTheAccessKey()
    {
        using var host = EventsHost.Build(EventsHost.PubSub(_service.ConnectionString));
        await host.StartAsync();

        await host.Services.GetRequiredService<ICallEventPublisher>().PublishAsync(new BargedIn("northside", "CA01", At, "Sure"), CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(() => _service.Sends.Count == 1), _service.Sends.Count.ToString());
        var send = _service.Sends[0];
        Assert.Equal(("calls", "tenant.northside", "application/json", "accessKey", 202, "2024-12-01"), (send.Hub, send.Group, send.ContentType, send.Auth, send.Status, send.Query["api-version"]));
        Assert.Equal(Json(new BargedIn("northside", "CA01", At, "Sure")), send.Body);
        await host.StopAsync();
    }

    [Fact]
    public async Task PublishAsync_WrongAccessKey_RefusedWithoutRetryOrDelivery()
    {
        var wrongKey = _service.ConnectionString.Replace(_service.AccessKey, Convert.ToBase64String(new byte[32]), StringComparison.Ordinal);
        await using var northside = await ConnectAsync("tenant.northside");
        using var host = EventsHost.Build(EventsHost.PubSub(wrongKey));
        await host.StartAsync();
        var publisher = host.Services.GetRequiredService<ICallEventPublisher>();

        await publisher.PublishAsync(new AgentSentence("northside", "CA01", At, "first"), CancellationToken.None);
        await publisher.PublishAsync(new AgentSentence("northside", "CA01", At, "second"), CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(() => _service.Sends.Count >= 2));
        Assert.All(_service.Sends, send => Assert.Equal((401, "bad signature"), (send.Status, send.Auth)));
        Assert.Contains("first", _service.Sends[0].Body, StringComparison.Ordinal);
        Assert.Contains("second", _service.Sends[1].Body, StringComparison.Ordinal); // the first was not tried again
        await host.StopAsync();
        Assert.Equal(2, _service.Sends.Count);
    }

    [Fact]
    public async Task PublishAsync_ServiceBusyThenDown_RetriesUntilAccepted()
    {
        _service.FailNextSends(1, HttpStatusCode.TooManyRequests);
        _service.FailNextSends(1, HttpStatusCode.ServiceUnavailable);
        await using var northside = await ConnectAsync("tenant.northside");
        using var host = EventsHost.Build(EventsHost.PubSub(_service.ConnectionString));
        await host.StartAsync();

        await host.Services.GetRequiredService<ICallEventPublisher>().PublishAsync(new ToolCalled("northside", "CA01", At, "book", false), CancellationToken.None);

        Assert.Equal(Envelope("tenant.northside", new ToolCalled("northside", "CA01", At, "book", false)), await northside.ReceiveTextAsync());
        Assert.Equal([429, 503, 202], _service.Sends.Select(s => s.Status));
        await host.StopAsync();
    }

    [Fact]
    public async Task PublishAsync_QueueFull_DropsOldestWithoutWaiting()
    {
        var settings = EventsHost.PubSub(_service.ConnectionString);
        settings["WebPubSub:QueueCapacity"] = "2";
        using var host = EventsHost.Build(settings); // not started: nothing drains the queue
        var publisher = host.Services.GetRequiredService<WebPubSubEventPublisher>();

        var publishes = Enumerable.Range(1, 5).Select(turn => publisher.PublishAsync(new TurnLatency("northside", "CA01", At, turn, 100), CancellationToken.None)).ToList();

        Assert.All(publishes, publish => Assert.True(publish.IsCompletedSuccessfully));
        Assert.Equal(3, publisher.Dropped);
        await host.StartAsync();
        Assert.True(await Eventually.TrueAsync(() => _service.Sends.Count == 2));
        await host.StopAsync();
        Assert.Equal([4, 5], _service.Sends.Select(s => JsonDocument.Parse(s.Body).RootElement.GetProperty("turn").GetInt32()));
    }

    [Fact]
    public async Task StopAsync_EventsStillQueued_SendsThemBeforeStopping()
    {
        using var host = EventsHost.Build(EventsHost.PubSub(_service.ConnectionString));
        var publisher = host.Services.GetRequiredService<ICallEventPublisher>();
        for (var turn = 1; turn <= 3; turn++)
        {
            await publisher.PublishAsync(new TurnLatency("northside", "CA01", At, turn, 100), CancellationToken.None);
        }

        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal(3, _service.Sends.Count(s => s.Status == 202));
    }

    [Fact]
    public async Task PublishAsync_AfterShutdown_IsCountedAsDroppedNotThrown()
    {
        using var host = EventsHost.Build(EventsHost.PubSub(_service.ConnectionString));
        await host.StartAsync();
        await host.StopAsync();
        var publisher = host.Services.GetRequiredService<WebPubSubEventPublisher>();

        await publisher.PublishAsync(new CallEnded("northside", "CA01", At, "hangup"), CancellationToken.None);

        Assert.Equal(1, publisher.Dropped);
        Assert.Empty(_service.Sends);
    }

    private Task<WebSocketTestClient> ConnectAsync(string group) => ConnectAndWaitForWelcomeAsync(_service.ClientAccessUri(EventsHost.Hub, "staff-" + group, [group]));

    /// <summary>Connected once the service has said so (its <c>connected</c> message), so no send can race the join.</summary>
    private static async Task<WebSocketTestClient> ConnectAndWaitForWelcomeAsync(Uri uri)
    {
        var client = await WebSocketTestClient.ConnectAsync(uri, options => options.AddSubProtocol("json.webpubsub.azure.v1"));
        Assert.Equal("json.webpubsub.azure.v1", client.Subprotocol);
        using var welcome = JsonDocument.Parse((await client.ReceiveTextAsync())!);
        Assert.Equal("connected", welcome.RootElement.GetProperty("event").GetString());
        return client;
    }

    private static string Json(CallEvent callEvent) => System.Text.Encoding.UTF8.GetString(CallEventJson.ToUtf8(callEvent));

    private static string Envelope(string group, CallEvent callEvent) =>
        $$"""{"type":"message","from":"group","group":"{{group}}","dataType":"json","data":{{Json(callEvent)}}}""";
}
