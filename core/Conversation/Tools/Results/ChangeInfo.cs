namespace VoiceAgent.Core.Conversation.Tools.Results;

/// <summary>What a booking, move or cancellation did, or why not and what is free instead.</summary>
public sealed record ChangeInfo(bool Done, string? AppointmentId, string? Start, string? Reason, IReadOnlyList<string> Alternatives);
