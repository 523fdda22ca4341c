namespace VoiceAgent.CallSimulator.Twiml;

/// <summary>
/// <c>&lt;Dial&gt;</c>: the call is handed to <see cref="Targets"/> (the <c>&lt;Number&gt;</c> / <c>&lt;Sip&gt;</c> children,
/// or the text of the verb). For the simulator the conversation with the agent ends here.
/// </summary>
public sealed record DialVerb(IReadOnlyList<string> Targets, string? Action = null) : TwimlVerb
{
    public string Target => string.Join(", ", Targets);
}
