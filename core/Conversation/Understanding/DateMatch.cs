namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>
/// A date found at tokens <see cref="First"/>..<see cref="Last"/>: a calendar <see cref="Date"/>, or (for
/// <see cref="DateKind.AfterContext"/>) a number of days after the day under discussion, with no date.
/// </summary>
internal sealed record DateMatch(DateOnly? Date, DateKind Kind, int First, int Last, DayPart? DayPart = null, int? DaysAfterContext = null)
{
    public static DateMatch AfterContext(int days, int first, int last, DayPart? part = null) =>
        new(null, DateKind.AfterContext, first, last, part, days);
}
