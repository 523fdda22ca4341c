using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VoiceAgent.WebPubSubHost.Events;
using VoiceAgent.Core.LiveEvents;

namespace VoiceAgent.WebPubSubHost.Tests.Events;

/// <summary>Which publisher the host gets from its configuration alone.</summary>
public sealed class CallEventsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCallEvents_NothingConfigured_UsesTheLocalFanOut()
    {
        using var host = EventsHost.Build(new Dictionary<string, string?>());

        Assert.IsType<LocalEventFanOut>(host.Services.GetRequiredService<ICallEventPublisher>());
        Assert.DoesNotContain(host.Services.GetServices<IHostedService>(), service => service is WebPubSubEventSender);
    }

    [Fact]
    public void AddCallEvents_EndpointConfigured_UsesWebPubSubWithItsSender()
    {
        using var host = EventsHost.Build(new Dictionary<string, string?> { ["WebPubSub:Endpoint"] = "https://voiceagent.webpubsub.azure.com" });

        Assert.IsType<WebPubSubEventPublisher>(host.Services.GetRequiredService<ICallEventPublisher>());
        Assert.Contains(host.Services.GetServices<IHostedService>(), service => service is WebPubSubEventSender);
        Assert.Null(host.Services.GetService<LocalEventFanOut>()); // so MapCallEvents maps no /events
    }

    [Fact]
    public async Task StartAsync_ConnectionStringWithoutKey_FailsValidation()
    {
        using var host = EventsHost.Build(new Dictionary<string, string?> { ["WebPubSub:ConnectionString"] = "Endpoint=https://voiceagent.webpubsub.azure.com;Version=1.0;" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("AccessKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ConnectionString_KeepsTheKeyOutOfToString()
    {
        var connection = WebPubSubConnectionString.Parse("Endpoint=https://voiceagent.webpubsub.azure.com;AccessKey=c2VjcmV0;Version=1.0;");

        Assert.Equal((new Uri("https://voiceagent.webpubsub.azure.com"), "c2VjcmV0"), (connection.Endpoint, connection.AccessKey));
        Assert.DoesNotContain("c2VjcmV0", connection.ToString(), StringComparison.Ordinal);
    }
}
