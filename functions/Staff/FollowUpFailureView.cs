namespace VoiceAgent.Functions.Staff;

/// <summary>A failed follow-up as staff see it: which appointment and change, the step that failed and why.</summary>
public sealed record FollowUpFailureView(string AppointmentId, string Change, string Step, string Reason, DateTimeOffset FailedAt);
