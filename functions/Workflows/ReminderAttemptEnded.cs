namespace VoiceAgent.Functions.Workflows;

/// <summary>What the reminder orchestration hands the recording step: the attempt, its call and how it ended (null: not heard).</summary>
public sealed record ReminderAttemptEnded(ReminderAttempt Attempt, string CallSid, string? CallStatus, string? AnsweredBy);
