namespace VoiceAgent.TwilioApiStandIn.Voice;

public enum LiveCallUpdateKind
{
    /// <summary><c>Url</c> (and <c>Method</c>): fetch and play that document.</summary>
    Redirect,

    /// <summary><c>Twiml</c>: play this document.</summary>
    Twiml,

    /// <summary><c>Status=completed</c> (or <c>canceled</c> before the answer): end the call.</summary>
    HangUp,
}
