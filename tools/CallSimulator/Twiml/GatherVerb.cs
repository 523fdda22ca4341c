namespace VoiceAgent.CallSimulator.Twiml;

/// <summary>
/// <c>&lt;Gather&gt;</c>: plays <see cref="Prompt"/> (nested <c>&lt;Say&gt;</c>, <c>&lt;Play&gt;</c>, <c>&lt;Pause&gt;</c>), then
/// listens. <see cref="Action"/> is null when the attribute is absent (Twilio then posts to the current document's URL).
/// </summary>
public sealed record GatherVerb : TwimlVerb
{
    public string? Action { get; init; }
    public string Method { get; init; } = "POST";
    /// <summary><c>dtmf</c>, <c>speech</c> or both (Twilio's default is <c>dtmf</c>).</summary>
    public string Input { get; init; } = "dtmf";
    public int TimeoutSeconds { get; init; } = 5;
    public bool ActionOnEmptyResult { get; init; }
    public IReadOnlyList<TwimlVerb> Prompt { get; init; } = [];

    public bool AcceptsSpeech => Input.Contains("speech", StringComparison.OrdinalIgnoreCase);
    public bool AcceptsDigits => Input.Contains("dtmf", StringComparison.OrdinalIgnoreCase);
}
