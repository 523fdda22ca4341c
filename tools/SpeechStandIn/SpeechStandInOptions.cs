namespace VoiceAgent.SpeechStandIn;

/// <summary>How to start a <see cref="SpeechServiceStandIn"/>.</summary>
public sealed record SpeechStandInOptions
{
    /// <summary>The key accepted in <c>Ocp-Apim-Subscription-Key</c>; a new random one by default.</summary>
    public string? Key { get; init; }

    /// <summary>The resource id accepted in <c>Authorization: Bearer aad#&lt;resourceId&gt;#&lt;token&gt;</c>.</summary>
    public string ResourceId { get; init; } = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-standin/providers/Microsoft.CognitiveServices/accounts/spch-standin";

    /// <summary>The Entra ID token accepted after the resource id; null accepts any non-empty token.</summary>
    public string? EntraToken { get; init; }

    /// <summary>Loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>μ-law bytes of audio per character of text: 400 is 50 ms at 8 kHz.</summary>
    public int BytesPerCharacter { get; init; } = 400;

    /// <summary>Pieces the audio of one synthesis is sent in, each flushed on its own.</summary>
    public int ChunkCount { get; init; } = 4;

    /// <summary>Real time between two pieces; zero sends them as fast as the client reads.</summary>
    public TimeSpan ChunkDelay { get; init; }

    /// <summary>Answers a recognition when no scripted one is queued; null answers <c>NoMatch</c>.</summary>
    public Func<RecordedSpeechRequest, ScriptedRecognition>? Recognizer { get; init; }
}
