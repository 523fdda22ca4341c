using VoiceAgent.Core.Workflows;

namespace VoiceAgent.Functions.Workflows;

/// <summary>A follow-up step that still failed after its retries: recorded for the re-drive command, counted and alerted on.</summary>
public sealed record FollowUpFailed(AppointmentChange Change, string Step, string Reason);
