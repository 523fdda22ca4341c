namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>The shop-day window each <see cref="DayPart"/> stands for (start inclusive, end exclusive).</summary>
public static class DayParts
{
    public static TimeOnly Start(DayPart part) => part switch
    {
        DayPart.Morning => new TimeOnly(8, 0),
        DayPart.Afternoon => new TimeOnly(12, 0),
        _ => new TimeOnly(17, 0),
    };

    public static TimeOnly End(DayPart part) => part switch
    {
        DayPart.Morning => new TimeOnly(12, 0),
        DayPart.Afternoon => new TimeOnly(17, 0),
        _ => new TimeOnly(21, 0),
    };

    public static bool Contains(DayPart part, TimeOnly time) => time >= Start(part) && time < End(part);
}
