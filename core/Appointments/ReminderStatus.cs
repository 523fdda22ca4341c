namespace VoiceAgent.Core.Appointments;

/// <summary>
/// The reminder state stored on the appointment row (columns <c>ReminderOutcome</c>, <c>ReminderAttempts</c>,
/// <c>ReminderNextAt</c>, <c>ReminderCallSid</c>, <c>ReminderUpdatedAt</c>), so the sweep decides from the book alone and
/// the staff API shows every outcome.
/// </summary>
/// <param name="Attempts">Call attempts made so far (the one in progress included).</param>
/// <param name="NextAttemptAt">When <see cref="ReminderOutcome.Retrying"/>: the instant the next attempt is due.</param>
/// <param name="CallSid">The last reminder call Twilio placed.</param>
public sealed record ReminderStatus(ReminderOutcome Outcome, int Attempts, DateTimeOffset? NextAttemptAt, string? CallSid, DateTimeOffset? UpdatedAt)
{
    /// <summary>Nothing has happened yet: the state of every appointment until its reminder falls due.</summary>
    public static ReminderStatus None { get; } = new(ReminderOutcome.None, 0, null, null, null);

    /// <summary>True once the reminder has ended one way or another (nothing more will be sent for it).</summary>
    public bool IsFinal => Outcome is not (ReminderOutcome.None or ReminderOutcome.Calling or ReminderOutcome.Retrying);
}
