namespace VoiceAgent.OpenAiStandIn;

/// <summary>How to start a <see cref="ModelStandIn"/>.</summary>
public sealed record ModelStandInOptions
{
    /// <summary>The key clients must send (<c>api-key</c> or <c>Authorization: Bearer</c>); a new random one by default.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Real time between streamed chunks; 0 (the default) sends them as fast as the client reads.</summary>
    public TimeSpan ChunkDelay { get; init; }
}
