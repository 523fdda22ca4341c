namespace VoiceAgent.CallSimulator.Telephony;

/// <summary>How a simulated call ended.</summary>
public enum CallEnding
{
    /// <summary><c>&lt;Hangup/&gt;</c>.</summary>
    AgentHungUp,

    /// <summary><c>&lt;Dial&gt;</c>: handed to a person.</summary>
    Transferred,

    /// <summary>The document ran out of verbs (Twilio then hangs up).</summary>
    DocumentEnded,

    /// <summary><c>&lt;Reject/&gt;</c>.</summary>
    Rejected,

    /// <summary>The caller hung up (end of input in interactive mode).</summary>
    CallerHungUp,

    /// <summary>The app hung the call up through Twilio's REST API (<c>Status=completed</c>).</summary>
    HungUpByApi,

    /// <summary>The agent kept the call going past the turn limit.</summary>
    TurnLimit,

    /// <summary>A webhook failed or answered something Twilio could not play.</summary>
    Failed,
}
