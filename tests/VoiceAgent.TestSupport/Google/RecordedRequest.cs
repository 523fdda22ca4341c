namespace VoiceAgent.TestSupport.Google;

/// <summary>One request the fake Google server received; <see cref="Form"/> is set for token-endpoint posts.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    string Body,
    string? Authorization,
    IReadOnlyDictionary<string, string>? Form,
    DateTimeOffset At)
{
    public bool IsToken => Form is not null;
}
