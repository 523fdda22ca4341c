namespace VoiceAgent.Core.Appointments;

/// <summary>Where an appointment's reminder stands. Only <see cref="Calling"/> and <see cref="Retrying"/> are in progress; <see cref="None"/> has not started.</summary>
public enum ReminderOutcome
{
    /// <summary>Not due yet, or due and not started.</summary>
    None,
    /// <summary>A call attempt is being placed or is ringing (<see cref="ReminderStatus.Attempts"/> is its number).</summary>
    Calling,
    /// <summary>The last attempt went unanswered; the next is due at <see cref="ReminderStatus.NextAttemptAt"/>.</summary>
    Retrying,
    Confirmed,
    Cancelled,
    Rescheduled,
    /// <summary>A machine answered and heard the short voicemail.</summary>
    Voicemail,
    /// <summary>
    /// Every attempt went unanswered (or no window was left for another): the reminder went out as a text, unless no text
    /// could (the shop turned reminder texts off, the number opted out), which the <c>sms-reminder</c> notice records.
    /// </summary>
    Unreached,
    /// <summary>No calling window was left before the appointment, so the reminder went out as a text without a call (a text Twilio took; none sent is <see cref="Unreached"/>).</summary>
    Texted,
    /// <summary>Booked after its reminder was due: the confirmation text is enough.</summary>
    NotNeeded,
}
