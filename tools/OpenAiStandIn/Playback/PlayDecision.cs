namespace VoiceAgent.OpenAiStandIn.Playback;

/// <summary>What the script says about one request: the step that answers it (and where it is written), or why it is refused.</summary>
internal sealed record PlayDecision(ScriptStep? Step, string? Refusal, string Where)
{
    public static PlayDecision Play(ScriptStep step, string where) => new(step, null, where);

    public static PlayDecision Refuse(string reason) => new(null, reason, "");

    /// <summary>The one-line answer recorded on the request.</summary>
    public string Summary => Step switch
    {
        { Fault: { Hangs: true } } => $"hang ({Where})",
        { Fault: { } fault } => $"{fault.StatusCode} ({Where}: fault {fault})",
        { } step => $"200 ({Where}: {step.Describe()})",
        null => $"400 model script: {Refusal}",
    };
}
