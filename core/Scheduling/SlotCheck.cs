namespace VoiceAgent.Core.Scheduling;

/// <summary>The answer to "can I have this start?": its status and, when not free, the nearest free starts.</summary>
public sealed record SlotCheck(DateTimeOffset Requested, SlotStatus Status, IReadOnlyList<DateTimeOffset> Alternatives);
