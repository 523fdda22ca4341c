namespace VoiceAgent.Core.Reminders;

/// <summary>The next reminder step for one appointment: what to do and, for a call, which attempt (1-based; otherwise the attempts made so far).</summary>
public sealed record ReminderStep(ReminderAction Action, int Attempt)
{
    public static ReminderStep Nothing(int attempts) => new(ReminderAction.Nothing, attempts);
}
