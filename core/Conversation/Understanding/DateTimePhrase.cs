namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>
/// The date and/or time a caller meant, as found by <see cref="DateTimePhraseParser"/>. Dates and times are in the
/// shop's local time; <see cref="ToLocalStart"/> and <see cref="ToDateTimeOffset"/> combine them.
/// </summary>
/// <param name="Date">The calendar date, or null when no date was said.</param>
/// <param name="DateKind">How the date was given.</param>
/// <param name="Time">The clock time, or null when only a part of day (or nothing) was said.</param>
/// <param name="DayPart">The part of day said ("tomorrow morning", "3 in the afternoon"), if any.</param>
/// <param name="MeridiemExplicit">
/// True when the caller settled am/pm: "am"/"pm", a part of day, "noon"/"midnight", or a 24-hour clock ("14:30").
/// False when the shop rule chose it (hours 1–6 mean pm, 7–11 mean am, 12 means noon).
/// </param>
/// <param name="IsApproximate">"around 3", "about ten", "3ish", "3 or so".</param>
/// <param name="TimeRelation">Whether <paramref name="Time"/> is the wanted start or a bound ("after 2", "by 5").</param>
/// <param name="MatchedText">The part of the original utterance that was understood, from its first to its last word.</param>
/// <param name="Start">Index of <paramref name="MatchedText"/> in the original utterance.</param>
/// <param name="DaysAfterContext">
/// Days after the day in discussion ("the day after" is 1, "the day before" is -1, "a week later" is 7), with
/// <paramref name="Date"/> null: the parser cannot know that day, so the engine resolves it. Null for every other date.
/// </param>
public sealed record DateTimePhrase(
    DateOnly? Date,
    DateKind DateKind,
    TimeOnly? Time,
    DayPart? DayPart,
    bool MeridiemExplicit,
    bool IsApproximate,
    TimeRelation TimeRelation,
    string MatchedText,
    int Start,
    int? DaysAfterContext = null)
{
    public bool HasDate => Date is not null;

    /// <summary>A clock time or at least a part of day was said.</summary>
    public bool HasTime => Time is not null || DayPart is not null;

    public int Length => MatchedText.Length;

    /// <summary>Date and clock time as a local (unspecified-kind) date-time, when both were said.</summary>
    public DateTime? ToLocalStart() => Date is { } date && Time is { } time ? date.ToDateTime(time, DateTimeKind.Unspecified) : null;

    /// <summary>Date and time placed on the shop's clock as a time asked for (<see cref="Scheduling.TenantTime.At"/>), when both were said.</summary>
    public DateTimeOffset? ToDateTimeOffset(Scheduling.TenantTime time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Date is { } date && Time is { } clock ? time.At(date, clock) : null;
    }
}
