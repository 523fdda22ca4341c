namespace VoiceAgent.Core.Conversation.Tools.Results;

/// <summary>The answer to check_availability; times are local ISO 8601 with offset.</summary>
public sealed record AvailabilityInfo(string Status, string? Requested, IReadOnlyList<string> Times, string? Error);
