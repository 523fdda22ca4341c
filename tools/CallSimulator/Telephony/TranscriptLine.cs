namespace VoiceAgent.CallSimulator.Telephony;

/// <summary>One line of a simulated call as a person reads it: <c>Agent: …</c>, <c>Caller: …</c> or <c>[event]</c>.</summary>
public sealed record TranscriptLine(TranscriptSpeaker Speaker, string Text)
{
    public override string ToString() => Speaker switch
    {
        TranscriptSpeaker.Agent => $"Agent: {Text}",
        TranscriptSpeaker.Caller => $"Caller: {Text}",
        _ => $"[{Text}]",
    };
}
