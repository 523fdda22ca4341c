namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>A part of day said on its own ("tomorrow morning", "in the afternoon") at tokens First..Last.</summary>
internal sealed record PartMatch(DayPart Part, int First, int Last);
