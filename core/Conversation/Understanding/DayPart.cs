namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>A part of the day the caller named instead of (or as well as) a clock time. Windows: <see cref="DayParts"/>.</summary>
public enum DayPart
{
    /// <summary>08:00–12:00.</summary>
    Morning,

    /// <summary>12:00–17:00.</summary>
    Afternoon,

    /// <summary>17:00–21:00.</summary>
    Evening,
}
