namespace VoiceAgent.Functions.Voice;

/// <summary>Where the real-time host (webpubsub-host) answers, for shops whose calls take ConversationRelay or Media Streams.</summary>
public sealed class RealtimeHostOptions
{
    public const string Section = "Realtime";

    /// <summary>The host's public https base URL (its WebSocket URLs are the same with <c>wss</c>); unset, every call takes Gather.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>How long the incoming webhook waits for the host's health check before it gives the call to Gather.</summary>
    public double HealthTimeoutSeconds { get; set; } = 1;

    /// <summary>How long a health answer is trusted before the host is asked again.</summary>
    public double HealthCacheSeconds { get; set; } = 10;
}
