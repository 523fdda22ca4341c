namespace VoiceAgent.Core.Telephony.Twiml;

public sealed record GatherOptions
{
    public string? Action { get; init; }
    public string? Method { get; init; } = "POST";
    /// <summary><c>dtmf</c>, <c>speech</c> or <c>dtmf speech</c>.</summary>
    public string? Input { get; init; } = "speech dtmf";
    public int? TimeoutSeconds { get; init; }
    /// <summary>Seconds as a string, or <c>auto</c>.</summary>
    public string? SpeechTimeout { get; init; }
    public string? SpeechModel { get; init; }
    public string? Language { get; init; }
    public string? Hints { get; init; }
    public int? NumDigits { get; init; }
    public string? FinishOnKey { get; init; }
    public bool? ActionOnEmptyResult { get; init; }
}
