namespace VoiceAgent.WebPubSubHost.Vad;

public static class VoiceActivityServiceCollectionExtensions
{
    /// <summary>
    /// Voice activity and end of turn: <see cref="VoiceActivityOptions"/> from <c>Voice:Activity</c> (validated on start)
    /// and the <see cref="VoiceActivityTrackerFactory"/> the media-stream session asks for a tracker per call.
    /// </summary>
    public static IServiceCollection AddVoiceActivity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<VoiceActivityOptions>()
            .Bind(configuration.GetSection(VoiceActivityOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<VoiceActivityTrackerFactory>();
        return services;
    }
}
