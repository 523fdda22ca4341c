using Microsoft.Extensions.Options;
using VoiceAgent.Core.Hosting;
using VoiceAgent.Core.Telemetry;
using VoiceAgent.WebPubSubHost.Events;
using VoiceAgent.WebPubSubHost.Speech.Azure;

namespace VoiceAgent.WebPubSubHost;

public static class RealtimeHostServiceCollectionExtensions
{
    /// <summary>Everything the real-time host needs: core (storage, tenants, the agent), telemetry and its own pacing options.</summary>
    public static IServiceCollection AddVoiceAgentRealtimeHost(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddVoiceAgentCore(configuration);
        services.AddVoiceAgentTelemetry(configuration, "webpubsub-host");
        services.AddAzureSpeech(configuration);
        services.AddCallEvents(configuration);
        services.AddOptions<RealtimeOptions>().Bind(configuration.GetSection(RealtimeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        // Shutdown waits for live calls to be handed back to Gather (each session ends itself on ApplicationStopping).
        services.AddOptions<HostOptions>().Configure<IOptions<RealtimeOptions>>((host, realtime) => host.ShutdownTimeout = TimeSpan.FromSeconds(realtime.Value.DrainSeconds));
        return services;
    }
}
