namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>A date found at tokens <see cref="First"/>..<see cref="Last"/>.</summary>
internal sealed record DateMatch(DateOnly Date, DateKind Kind, int First, int Last, DayPart? DayPart = null);
