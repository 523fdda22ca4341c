namespace VoiceAgent.Core.Reminders;

/// <summary>What the sweep should do about one appointment's reminder now.</summary>
public enum ReminderAction
{
    /// <summary>Not due, waiting for a calling window or a retry time, in progress, or finished.</summary>
    Nothing,
    /// <summary>Place call attempt <see cref="ReminderStep.Attempt"/> (re-running an attempt is safe: its claim reconciles).</summary>
    Call,
    /// <summary>No calling window is left before the appointment: send the reminder as a text.</summary>
    Text,
    /// <summary>Booked after its reminder was due: record that none is needed (the confirmation text is enough).</summary>
    MarkNotNeeded,
}
