namespace VoiceAgent.Core.Appointments;

/// <summary>Where one outgoing text or call for an appointment stands.</summary>
public enum NoticeState
{
    /// <summary>Claimed for sending; no Twilio sid recorded yet (in flight, or the sender died: reconcile with Twilio).</summary>
    Claimed,
    /// <summary>Twilio accepted it; <see cref="Notice.Sid"/> is its sid.</summary>
    Sent,
    /// <summary>Deliberately not sent (opted out, refused by Twilio, no longer needed); <see cref="Notice.Detail"/> says why.</summary>
    Skipped,
}
