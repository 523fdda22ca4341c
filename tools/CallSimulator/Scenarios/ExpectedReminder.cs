namespace VoiceAgent.CallSimulator.Scenarios;

/// <summary><c>expect.reminder</c>: the reminder outcome recorded on the appointment.</summary>
public enum ExpectedReminder
{
    /// <summary>No reminder (none made, or not needed because it was booked after its reminder was due).</summary>
    None,
    Confirmed,
    Cancelled,
    Rescheduled,
    Voicemail,
    Unreached,
}
