namespace VoiceAgent.Core.Workflows;

/// <summary>A change whose follow-up still failed after its retries: which step, why, and when (for staff and the re-drive command).</summary>
public sealed record FollowUpFailure(AppointmentChange Change, string Step, string Reason, DateTimeOffset FailedAt);
