namespace VoiceAgent.Functions.Staff;

/// <summary>The reminder as staff see it: its outcome (none, calling, retrying, confirmed, cancelled, rescheduled, voicemail, unreached, texted, notneeded), tries and last change.</summary>
public sealed record AppointmentReminderView(string Outcome, int Attempts, DateTimeOffset? NextAttemptAt, DateTimeOffset? UpdatedAt);
