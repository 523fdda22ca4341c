using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VoiceAgent.WebPubSubHost.Events;

namespace VoiceAgent.WebPubSubHost.Tests.Events;

/// <summary>A generic host with only <see cref="CallEventsServiceCollectionExtensions.AddCallEvents"/> registered, as the app would.</summary>
internal static class EventsHost
{
    public static IHost Build(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddCallEvents(builder.Configuration);
        return builder.Build();
    }

    public static Dictionary<string, string?> PubSub(string connectionString) => new()
    {
        ["WebPubSub:ConnectionString"] = connectionString,
        ["WebPubSub:Hub"] = Hub,
    };

    public const string Hub = "calls";
}
