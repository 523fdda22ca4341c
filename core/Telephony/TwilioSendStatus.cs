namespace VoiceAgent.Core.Telephony;

/// <summary>How Twilio took a send (SMS or call), as the workflow acts on it.</summary>
public enum TwilioSendStatus
{
    /// <summary>Created; <see cref="TwilioSend.Sid"/> is its sid.</summary>
    Accepted,
    /// <summary>The number opted out of this sender's texts (Twilio error 21610): record the opt-out, send nothing.</summary>
    OptedOut,
    /// <summary>Twilio could not take it now (rate limit, 5xx, no answer): try again later.</summary>
    Retry,
    /// <summary>Twilio refused it for good (bad number, not allowed, credentials): give up and record why.</summary>
    Rejected,
}
