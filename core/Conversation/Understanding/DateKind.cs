namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>How the caller gave the date.</summary>
public enum DateKind
{
    /// <summary>No date was said.</summary>
    None,

    /// <summary>"today", "tonight", "this afternoon".</summary>
    Today,

    /// <summary>"tomorrow", "tomorrow morning".</summary>
    Tomorrow,

    /// <summary>"the day after tomorrow".</summary>
    DayAfterTomorrow,

    /// <summary>"Friday", "this Sunday", "on Monday": the next such day, today included.</summary>
    Weekday,

    /// <summary>"next Tuesday", "Monday next week": that day in the following calendar week (weeks start on Monday).</summary>
    NextWeekday,

    /// <summary>"last Friday": the most recent such day before today.</summary>
    LastWeekday,

    /// <summary>"December 7th", "Dec 7", "the 7th of December", "January 3rd 2027".</summary>
    MonthDay,

    /// <summary>"the 28th", "on the 3rd": the next date with that day of the month, today included.</summary>
    DayOfMonth,

    /// <summary>"12/7", "12/7/2026" (month first, US order).</summary>
    Numeric,

    /// <summary>"in two days", "in a week", "a week from Friday", "the day after Friday".</summary>
    Relative,

    /// <summary>
    /// "the day after", "the next day", "a week later", "the day before", "the same day": counted from the day under
    /// discussion, which only the dialog knows (<see cref="DateTimePhrase.DaysAfterContext"/>; the date is null).
    /// </summary>
    AfterContext,
}
