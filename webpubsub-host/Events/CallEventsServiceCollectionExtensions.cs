using VoiceAgent.Core.LiveEvents;

namespace VoiceAgent.WebPubSubHost.Events;

public static class CallEventsServiceCollectionExtensions
{
    /// <summary>
    /// The host's live call events (core's <see cref="LiveEventsServiceCollectionExtensions.AddLiveEvents"/>): Azure Web
    /// PubSub when it is configured, the host's own WebSocket fan-out otherwise (<see cref="LocalEventFanOut"/>, served
    /// by <see cref="CallEventsEndpoints.MapCallEvents"/>, which signs staff in with core's <c>StaffAuthenticator</c>:
    /// register core's services too). The fan-out also takes the function app's events over Web PubSub's REST send
    /// when <c>WebPubSub:LocalAccessKey</c> is set (<see cref="LocalEventIntake"/>).
    /// </summary>
    public static IServiceCollection AddCallEvents(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LocalEventIntakeOptions>().Bind(configuration.GetSection(LocalEventIntakeOptions.Section));
        services.AddLiveEvents(configuration, local =>
        {
            local.AddSingleton<LocalEventFanOut>();
            local.AddSingleton<ICallEventPublisher>(sp => sp.GetRequiredService<LocalEventFanOut>());
        });
        return services;
    }
}
