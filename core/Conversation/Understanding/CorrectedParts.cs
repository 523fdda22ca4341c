namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>Which parts of an appointment a correction changes.</summary>
[Flags]
public enum CorrectedParts
{
    None = 0,
    Date = 1,
    Time = 2,
}
