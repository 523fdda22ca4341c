namespace VoiceAgent.TwilioApiStandIn.Voice;

/// <summary>How an outbound call is answered (scenario <c>answer.by</c>).</summary>
public enum PhonePickup
{
    /// <summary>A person answers and talks.</summary>
    Person,

    /// <summary>An answering machine or voicemail answers, and listens.</summary>
    Machine,

    /// <summary>It rings out: <c>no-answer</c>.</summary>
    Nobody,

    /// <summary>The line is busy: <c>busy</c>.</summary>
    Busy,
}
