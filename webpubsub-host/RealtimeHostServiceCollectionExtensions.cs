using Microsoft.Extensions.Options;
using VoiceAgent.Core.Hosting;
using VoiceAgent.Core.Telemetry;
using VoiceAgent.WebPubSubHost.Events;
using VoiceAgent.WebPubSubHost.Realtime;
using VoiceAgent.WebPubSubHost.Speech;
using VoiceAgent.WebPubSubHost.Speech.Azure;
using VoiceAgent.WebPubSubHost.Speech.Local;
using VoiceAgent.WebPubSubHost.Streams;
using VoiceAgent.WebPubSubHost.Vad;
using VoiceAgent.Core.LiveEvents;

namespace VoiceAgent.WebPubSubHost;

public static class RealtimeHostServiceCollectionExtensions
{
    /// <summary>
    /// Everything the real-time host needs: core (storage, tenants, the agent), telemetry, its own pacing options, voice
    /// activity, speech (Azure when configured, else the local flite and pocketsphinx) and what the sessions share.
    /// </summary>
    public static IServiceCollection AddVoiceAgentRealtimeHost(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddVoiceAgentCore(configuration);
        services.AddVoiceAgentTelemetry(configuration, "webpubsub-host");
        services.AddAzureSpeech(configuration);
        if (!services.Any(s => s.ServiceType == typeof(ISpeechSynthesizer)))
        {
            services.AddLocalSpeech(configuration);
        }

        services.AddVoiceActivity(configuration);
        services.AddSingleton<LiveCallFinder>();
        services.AddSingleton<GatherHandback>();
        services.AddCallEvents(configuration);
        services.AddOptions<RealtimeOptions>().Bind(configuration.GetSection(RealtimeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        // Shutdown waits for live calls to be handed back to Gather (each session ends itself on ApplicationStopping).
        services.AddOptions<HostOptions>().Configure<IOptions<RealtimeOptions>>((host, realtime) => host.ShutdownTimeout = TimeSpan.FromSeconds(realtime.Value.DrainSeconds));
        return services;
    }
}
