namespace VoiceAgent.CallSimulator.Telephony;

/// <summary>What happened on one simulated call.</summary>
public sealed record CallResult
{
    public required CallIdentity Call { get; init; }
    public required CallEnding Ending { get; init; }
    public string? TransferredTo { get; init; }
    public required IReadOnlyList<TranscriptLine> Transcript { get; init; }
    /// <summary>Number of TwiML documents the agent answered with.</summary>
    public int AgentTurns { get; init; }
    public TimeSpan Duration { get; init; }
    /// <summary>How long the call's speech, pauses and listening take as simulated, whatever the clock did (an outbound call's <c>CallDuration</c>).</summary>
    public TimeSpan TalkTime { get; init; }
    /// <summary>Why the call failed (webhook error, bad TwiML, turn limit, failed status callback); null when it did not.</summary>
    public string? Error { get; init; }

    public bool Failed => Error is not null;

    public IEnumerable<string> AgentSaid => Transcript.Where(l => l.Speaker == TranscriptSpeaker.Agent).Select(l => l.Text);
}
