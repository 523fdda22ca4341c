using System.Globalization;
using System.Text.RegularExpressions;

namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>
/// Date phrases starting at a token: relative days, weekdays, month-and-day, "12/7", and "the 28th".
/// Every date is resolved against the caller's local "today"; see <see cref="DateKind"/> for the rule per form.
/// Dates counted from another day ("the day after", "a week later") are in DateRules.AfterContext.cs.
/// </summary>
internal static partial class DateRules
{
    private static readonly string[] OrdinalFollowers =
    [
        "at", "in", "of", "then", "instead", "please", "ok", "okay", "for", "is", "works", "or", "around", "about",
        "by", "and", "morning", "afternoon", "evening", "if", "would", "maybe", "work", "sometime",
    ];

    private static readonly string[] DigitOrdinalBlockers =
    [
        "time", "one", "ones", "car", "cars", "vehicle", "option", "available", "appointment", "slot", "thing",
        "floor", "choice", "opening", "street", "st", "avenue", "ave", "place", "grade", "gen", "generation",
    ];

    public static DateMatch? Match(IReadOnlyList<PhraseToken> t, int i, DateOnly today) =>
        Relative(t, i, today)
        ?? Named(t, i, today)
        ?? FromAnotherDay(t, i, today)
        ?? WeekdayPhrase(t, i, today)
        ?? MonthFirst(t, i, today)
        ?? Numeric(t, i, today)
        ?? OrdinalFirst(t, i, today);

    private static DateMatch? Named(IReadOnlyList<PhraseToken> t, int i, DateOnly today)
    {
        var j = At(t, i, "the") && At(t, i + 1, "day") ? i + 1 : i;
        if (At(t, j, "day") && At(t, j + 1, "after") && IsTomorrow(t, j + 2))
        {
            return new DateMatch(today.AddDays(2), DateKind.DayAfterTomorrow, i, j + 2);
        }

        if (At(t, i, "this") && i + 1 < t.Count && CalendarWords.TryDayPart(t[i + 1], out var part))
        {
            return new DateMatch(today, DateKind.Today, i, i + 1, part);
        }

        if (Holiday(t, i, today) is { } holiday)
        {
            return holiday;
        }

        return i >= t.Count ? null : t[i].Text switch
        {
            "today" => new DateMatch(today, DateKind.Today, i, i),
            "tonight" => new DateMatch(today, DateKind.Today, i, i, DayPart.Evening),
            _ when IsTomorrow(t, i) => new DateMatch(today.AddDays(1), DateKind.Tomorrow, i, i),
            _ => null,
        };
    }

    // "christmas", "christmas eve", "new years day", "new years eve": the next one, today included.
    private static DateMatch? Holiday(IReadOnlyList<PhraseToken> t, int i, DateOnly today)
    {
        if (i >= t.Count)
        {
            return null;
        }

        var (month, day, last) = t[i].Text switch
        {
            "christmas" or "xmas" when At(t, i + 1, "eve") => (12, 24, i + 1),
            "christmas" or "xmas" => (12, 25, At(t, i + 1, "day") ? i + 1 : i),
            "new" when (At(t, i + 1, "years") || At(t, i + 1, "year")) && At(t, i + 2, "eve") => (12, 31, i + 2),
            "new" when At(t, i + 1, "years") || (At(t, i + 1, "year") && At(t, i + 2, "day")) => (1, 1, At(t, i + 2, "day") ? i + 2 : i + 1),
            _ => (0, 0, -1),
        };
        return last >= 0 && CalendarMath.MonthDay(today, month, day, year: null) is { } date ? new DateMatch(date, DateKind.MonthDay, i, last) : null;
    }

    private static DateMatch? Relative(IReadOnlyList<PhraseToken> t, int i, DateOnly today)
    {
        // "in two days", "in a week", "in 3 weeks"
        if (At(t, i, "in") && Amount(t, i + 1, out var amount, out var used) && Unit(t, i + 1 + used, out var days))
        {
            return new DateMatch(today.AddDays(amount * days), DateKind.Relative, i, i + 1 + used);
        }

        // "two days from now", "a week from today", "a week from friday"
        if (Amount(t, i, out amount, out used) && Unit(t, i + used, out days) && At(t, i + used + 1, "from"))
        {
            var k = i + used + 2;
            if (At(t, k, "now") || At(t, k, "today"))
            {
                return new DateMatch(today.AddDays(amount * days), DateKind.Relative, i, k);
            }

            if ((Named(t, k, today) ?? WeekdayPhrase(t, k, today)) is { Date: { } anchorDate } anchor)
            {
                return new DateMatch(anchorDate.AddDays(amount * days), DateKind.Relative, i, anchor.Last, anchor.DayPart);
            }
        }

        return null;
    }

    private static DateMatch? WeekdayPhrase(IReadOnlyList<PhraseToken> t, int i, DateOnly today)
    {
        var j = i;
        var kind = DateKind.Weekday;
        if (At(t, j, "this"))
        {
            j += At(t, j + 1, "coming") ? 2 : 1;
        }
        else if (At(t, j, "coming"))
        {
            j++;
        }
        else if (At(t, j, "next"))
        {
            kind = DateKind.NextWeekday;
            j += At(t, j + 1, "week") ? (At(t, j + 2, "on") ? 3 : 2) : 1;
        }
        else if (At(t, j, "last"))
        {
            kind = DateKind.LastWeekday;
            j++;
        }

        if (j >= t.Count || !CalendarWords.TryWeekday(t[j], out var day))
        {
            return null;
        }

        // "Friday the 11th", "Friday, December 4th", "Friday 12/4": the explicit date wins.
        var k = At(t, j + 1, "the") ? j + 2 : j + 1;
        if ((MonthFirst(t, j + 1, today) ?? Numeric(t, j + 1, today) ?? OrdinalFirst(t, k, today, requireArticle: false)) is { } explicitDate)
        {
            return explicitDate with { First = i };
        }

        var last = j;
        if (kind == DateKind.Weekday && At(t, j + 1, "next") && At(t, j + 2, "week"))
        {
            kind = DateKind.NextWeekday;
            last = j + 2;
        }
        else if (kind == DateKind.Weekday && At(t, j + 1, "of") && At(t, j + 2, "next") && At(t, j + 3, "week"))
        {
            kind = DateKind.NextWeekday;
            last = j + 3;
        }

        var date = kind switch
        {
            DateKind.NextWeekday => CalendarMath.InNextWeek(today, day),
            DateKind.LastWeekday => CalendarMath.Before(today, day),
            _ => CalendarMath.OnOrAfter(today, day),
        };
        return new DateMatch(date, kind, i, last);
    }

    private static DateMatch? MonthFirst(IReadOnlyList<PhraseToken> t, int i, DateOnly today)
    {
        if (i >= t.Count || !CalendarWords.TryMonth(t[i], out var month))
        {
            return null;
        }

        var j = At(t, i + 1, "the") ? i + 2 : i + 1;
        int day, used;
        if (!NumberWords.TryOrdinal(t, j, out day, out used)
            && !(NumberWords.TryCardinal(t, j, out day, out used) && day is >= 1 and <= 31))
        {
            return null;
        }

        var last = j + used - 1;
        int? year = null;
        if (last + 1 < t.Count && t[last + 1].Text.Length == 4 && CalendarMath.Year(t[last + 1].Text) is { } y)
        {
            year = y;
            last++;
        }

        return CalendarMath.MonthDay(today, month, day, year) is { } date ? new DateMatch(date, DateKind.MonthDay, i, last) : null;
    }

    private static DateMatch? Numeric(IReadOnlyList<PhraseToken> t, int i, DateOnly today)
    {
        var m = i < t.Count ? SlashDate().Match(t[i].Text) : System.Text.RegularExpressions.Match.Empty;
        if (!m.Success)
        {
            return null;
        }

        var month = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (month > 12 && day <= 12)
        {
            (month, day) = (day, month);
        }

        int? year = m.Groups[3].Success ? CalendarMath.Year(m.Groups[3].Value) : null;
        return CalendarMath.MonthDay(today, month, day, year) is { } date ? new DateMatch(date, DateKind.Numeric, i, i) : null;
    }

    private static DateMatch? OrdinalFirst(IReadOnlyList<PhraseToken> t, int i, DateOnly today) =>
        OrdinalFirst(t, i, today, requireArticle: true);

    private static DateMatch? OrdinalFirst(IReadOnlyList<PhraseToken> t, int i, DateOnly today, bool requireArticle)
    {
        var hasArticle = At(t, i, "the");
        var j = hasArticle ? i + 1 : i;
        if (!NumberWords.TryOrdinal(t, j, out var day, out var used))
        {
            return null;
        }

        var last = j + used - 1;
        var next = last + 1;
        var k = At(t, next, "of") ? next + 1 : next;
        if (k < t.Count && CalendarWords.TryMonth(t[k], out var month))
        {
            int? year = k + 1 < t.Count && t[k + 1].Text.Length == 4 ? CalendarMath.Year(t[k + 1].Text) : null;
            var end = year is null ? k : k + 1;
            return CalendarMath.MonthDay(today, month, day, year) is { } md ? new DateMatch(md, DateKind.MonthDay, i, end) : null;
        }

        // "7th" is a date unless a noun follows ("the 2nd car"); "third" needs "the"/"on" and a date-like follower.
        var digitForm = char.IsAsciiDigit(t[j].Text[0]);
        if (digitForm && next < t.Count && t[next].IsAny(DigitOrdinalBlockers))
        {
            return null;
        }

        if (!digitForm)
        {
            var introduced = hasArticle || !requireArticle || (i > 0 && t[i - 1].Is("on"));
            if (!introduced || (next < t.Count && !t[next].IsAny(OrdinalFollowers) && !CalendarWords.IsWeekday(t[next])))
            {
                return null;
            }
        }

        return CalendarMath.DayOfMonth(today, day) is { } date ? new DateMatch(date, DateKind.DayOfMonth, i, last) : null;
    }

    private static bool Amount(IReadOnlyList<PhraseToken> t, int i, out int amount, out int used)
    {
        // "a couple of days", "a couple days", "couple days"
        var couple = At(t, i, "a") ? i + 1 : i;
        if (At(t, couple, "couple"))
        {
            amount = 2;
            used = couple - i + (At(t, couple + 1, "of") ? 2 : 1);
            return true;
        }

        if (At(t, i, "a") || At(t, i, "an"))
        {
            amount = 1;
            used = 1;
            return true;
        }

        return NumberWords.TryCardinal(t, i, out amount, out used) && amount is >= 1 and <= 60;
    }

    private static bool Unit(IReadOnlyList<PhraseToken> t, int i, out int days)
    {
        days = i < t.Count ? t[i].Text switch { "day" or "days" => 1, "week" or "weeks" => 7, _ => 0 } : 0;
        return days > 0;
    }

    private static bool IsTomorrow(IReadOnlyList<PhraseToken> t, int i) =>
        i < t.Count && t[i].IsAny("tomorrow", "tomorow", "tommorow", "tommorrow", "tmrw", "tomorrows");

    private static bool At(IReadOnlyList<PhraseToken> t, int i, string text) => i >= 0 && i < t.Count && t[i].Text == text;

    [GeneratedRegex(@"^(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SlashDate();
}
