namespace VoiceAgent.SpeechStandIn;

/// <summary>
/// One request as the stand-in read it, and how it answered: its headers (auth included: this is a test tool), the body,
/// what it asked for when it was well formed, and the refusal when it was not.
/// </summary>
public sealed record RecordedSpeechRequest(
    SpeechOperation Operation,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    int StatusCode,
    string? Refusal,
    SpeechFault? Fault,
    RecordedSynthesis? Synthesis,
    RecordedRecognition? Recognition)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public override string ToString() =>
        $"{Operation} {Path}{QueryString} → {StatusCode}{(Refusal is null ? "" : $" ({Refusal})")}{(Fault is null ? "" : $" [fault {Fault}]")}";
}
