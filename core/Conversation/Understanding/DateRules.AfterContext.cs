namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>
/// Dates counted from another day: "the day after", "the next day", "a week later", "the day before that", "the same
/// day" (counted from the day under discussion, <see cref="DateKind.AfterContext"/>), and "the day after Friday",
/// "two days before the 15th" (counted from the date said, <see cref="DateKind.Relative"/>).
/// </summary>
internal static partial class DateRules
{
    // "any day after 3" is a bound on the time, not a day.
    private static readonly string[] Quantifiers = ["any", "every", "each", "some", "which", "what", "one", "a", "that"];

    // "the next day you have", "the next day that's open": the earliest free day, not the day after.
    private static readonly string[] OpenEnded = ["you", "youre", "available", "open", "thats", "that", "when", "with", "i", "we", "possible"];

    private static readonly string[] Pointers = ["that", "it", "this", "then"];

    private static DateMatch? FromAnotherDay(IReadOnlyList<PhraseToken> t, int i, DateOnly today)
    {
        var j = At(t, i, "the") ? i + 1 : i;

        // "the day after", "the day before that", "the day after Friday"
        if (At(t, j, "day") && (At(t, j + 1, "after") || At(t, j + 1, "before")) && !(j == i && i > 0 && t[i - 1].IsAny(Quantifiers)))
        {
            return Counted(t, i, j + 2, At(t, j + 1, "after") ? 1 : -1, today);
        }

        // "the same time next week", "next week same time": a week after the day in discussion.
        if (At(t, i, "next") && At(t, i + 1, "week") && SameTimeBeside(t, i, i + 1))
        {
            return DateMatch.AfterContext(7, i, i + 1);
        }

        // "the next day", "the following morning", "the previous day"
        if (j + 1 < t.Count && t[j].IsAny("next", "following", "previous"))
        {
            var sign = t[j].Is("previous") ? -1 : 1;
            if (t[j + 1].Is("day") && !(j + 2 < t.Count && t[j + 2].IsAny(OpenEnded)))
            {
                return DateMatch.AfterContext(sign, i, j + 1);
            }

            if (j > i && CalendarWords.TryDayPart(t[j + 1], out var part))
            {
                return DateMatch.AfterContext(sign, i, j + 1, part);
            }
        }

        // "the same day", "that same day"
        var same = t[i].IsAny("the", "that") ? i + 1 : i;
        if (At(t, same, "same") && At(t, same + 1, "day"))
        {
            return DateMatch.AfterContext(0, i, same + 1);
        }

        // "two days later", "a week after that", "a couple of days before Friday", "push it back two days"
        if (!Amount(t, i, out var amount, out var used) || !Unit(t, i + used, out var days))
        {
            return null;
        }

        var k = i + used + 1;
        var follower = k < t.Count ? t[k].Text : string.Empty;
        return follower switch
        {
            "later" or "afterwards" or "afterward" => DateMatch.AfterContext(amount * days, i, k),
            "earlier" or "prior" => DateMatch.AfterContext(-amount * days, i, k),
            "after" => Counted(t, i, k + 1, amount * days, today),
            "before" => Counted(t, i, k + 1, -amount * days, today),
            _ when i > 0 && t[i - 1].IsAny("back", "out") => DateMatch.AfterContext(amount * days, i, k - 1),
            _ when i > 0 && t[i - 1].Is("up") => DateMatch.AfterContext(-amount * days, i, k - 1),
            _ => null,
        };
    }

    private static bool SameTimeBeside(IReadOnlyList<PhraseToken> t, int first, int last) =>
        (At(t, first - 2, "same") && (At(t, first - 1, "time") || At(t, first - 1, "day")))
        || (At(t, last + 1, "same") && (At(t, last + 2, "time") || At(t, last + 2, "day")))
        || (At(t, last + 1, "the") && At(t, last + 2, "same"));

    /// <summary>
    /// <paramref name="days"/> from the date said at <paramref name="next"/>, or from the day under discussion when none
    /// is said ("the day after", "the day after that"). A number there is a time bound ("a day after 3"), not a day.
    /// </summary>
    private static DateMatch? Counted(IReadOnlyList<PhraseToken> t, int first, int next, int days, DateOnly today)
    {
        if ((Named(t, next, today) ?? WeekdayPhrase(t, next, today) ?? MonthFirst(t, next, today) ?? OrdinalFirst(t, next, today)) is { Date: { } anchor } said)
        {
            return new DateMatch(anchor.AddDays(days), DateKind.Relative, first, said.Last, said.DayPart);
        }

        if (NumberWords.TryCardinal(t, next, out _, out _))
        {
            return null;
        }

        return next < t.Count && t[next].IsAny(Pointers) && !t[next].AfterPause
            ? DateMatch.AfterContext(days, first, next)
            : DateMatch.AfterContext(days, first, next - 1);
    }
}
