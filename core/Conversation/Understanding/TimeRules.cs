using System.Globalization;
using System.Text.RegularExpressions;

namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>
/// Clock-time phrases starting at a token ("9:30", "2 pm", "nine thirty", "quarter to 4", "noon"), and the shop's
/// am/pm rule (<see cref="Resolve"/>). Whether a bare number really is a time is left to <see cref="TimeContext"/>.
/// </summary>
internal static partial class TimeRules
{
    public static TimeMatch? Match(IReadOnlyList<PhraseToken> t, int i)
    {
        if (i >= t.Count)
        {
            return null;
        }

        var approximate = IsApproximateCue(t, i);
        switch (t[i].Text)
        {
            case "noon" or "midday":
                return new TimeMatch(12, 0, Meridiem.Pm, null, approximate, TimeEvidence.Strong, i, i);
            case "noonish" or "middayish":
                return new TimeMatch(12, 0, Meridiem.Pm, null, IsApproximate: true, TimeEvidence.Strong, i, i);
            case "midnight":
                return new TimeMatch(0, 0, Meridiem.Am, null, approximate, TimeEvidence.Strong, i, i);
        }

        return Relation(t, i, approximate) ?? HourFirst(t, i, approximate);
    }

    /// <summary>
    /// The shop rule: an explicit am/pm or part of day wins; a 24-hour hour is taken as said; otherwise hours 1–6 mean
    /// pm, 7–11 mean am and 12 means noon. Returns the time and whether am/pm was settled by the caller.
    /// </summary>
    public static (TimeOnly Time, bool MeridiemExplicit) Resolve(TimeMatch match, DayPart? contextPart)
    {
        var (hour, minute) = (match.Hour, match.Minute);
        if (hour == 0 || hour > 12)
        {
            return (new TimeOnly(hour, minute), true);
        }

        var part = match.DayPart ?? contextPart;
        return match.Meridiem switch
        {
            Meridiem.Am => (new TimeOnly(hour % 12, minute), true),
            Meridiem.Pm => (new TimeOnly((hour % 12) + 12, minute), true),
            _ when part == DayPart.Morning => (new TimeOnly(hour, minute), true),
            _ when part is DayPart.Afternoon or DayPart.Evening => (new TimeOnly((hour % 12) + 12, minute), true),
            _ => (new TimeOnly(hour is >= 1 and <= 6 ? hour + 12 : hour, minute), false),
        };
    }

    // "quarter past ten", "half past two", "a quarter to 4", "ten after nine", "quarter til 4"
    private static TimeMatch? Relation(IReadOnlyList<PhraseToken> t, int i, bool approximate)
    {
        var j = t[i].Is("a") ? i + 1 : i;
        int minutes;
        var isQuarter = false;
        var spelledOut = false;
        if (j < t.Count && t[j].Is("quarter"))
        {
            (minutes, isQuarter) = (15, true);
            j++;
        }
        else if (j < t.Count && t[j].Is("half"))
        {
            minutes = 30;
            j++;
        }
        else if (j == i && NumberWords.TryCardinal(t, j, out minutes, out var used) && minutes is 5 or 10 or 20 or 25)
        {
            spelledOut = !t[j].IsDigits && !(i > 0 && t[i - 1].IsAny("from", "between"));
            j += used;
            j += j < t.Count && t[j].IsAny("minutes", "minute", "mins", "min") ? 1 : 0;
        }
        else
        {
            return null;
        }

        if (j >= t.Count)
        {
            return null;
        }

        var sign = t[j].Text switch
        {
            "past" or "after" => 1,
            "til" or "till" or "before" or "until" => -1,
            "to" or "of" when isQuarter || spelledOut => -1,
            _ => 0,
        };
        if (sign == 0 || (minutes == 30 && sign < 0) || !TryHourWord(t, j + 1, out var hour))
        {
            return null;
        }

        var (h, m) = sign > 0 ? (hour, minutes) : (hour == 1 ? 12 : hour - 1, 60 - minutes);
        return Suffix(t, j + 2, new TimeMatch(h, m, Meridiem.None, null, approximate, TimeEvidence.Strong, i, j + 1));
    }

    private static TimeMatch? HourFirst(IReadOnlyList<PhraseToken> t, int i, bool approximate)
    {
        var text = t[i].Text;
        var meridiem = Meridiem.None;
        int hour, minute = -1;
        TimeEvidence evidence;
        var last = i;
        var wordHour = false;
        if (ColonTime().Match(text) is { Success: true } colon)
        {
            (hour, minute, evidence) = (Int(colon.Groups[1]), Int(colon.Groups[2]), TimeEvidence.Strong);
            meridiem = ParseMeridiem(colon.Groups[3].Value);
            approximate |= colon.Groups[3].Value == "ish";
        }
        else if (HourWithSuffix().Match(text) is { Success: true } suffixed)
        {
            (hour, evidence) = (Int(suffixed.Groups[1]), TimeEvidence.Strong);
            meridiem = ParseMeridiem(suffixed.Groups[2].Value);
            approximate |= suffixed.Groups[2].Value == "ish";
        }
        else if (Compact().Match(text) is { Success: true } compact)
        {
            var value = Int(compact.Groups[1]);
            (hour, minute) = (value / 100, value % 100);
            meridiem = ParseMeridiem(compact.Groups[2].Value);
            evidence = meridiem == Meridiem.None ? TimeEvidence.NeedsCueAndEnd : TimeEvidence.Strong;
        }
        else if (t[i].IsDigits && text.Length <= 2 && Int(text) is >= 1 and <= 23)
        {
            (hour, evidence) = (Int(text), TimeEvidence.NeedsCue);
        }
        else if (NumberWords.TryCardinalWords(t, i, out hour, out var used) && used == 1 && hour is >= 1 and <= 12)
        {
            (evidence, wordHour) = (TimeEvidence.NeedsCue, true);
        }
        else
        {
            return null;
        }

        // "the ten thirty one" is the 10:30 option, not 10:31.
        var namesAnOption = i > 0 && t[i - 1].IsAny("the", "that", "this");
        if (minute < 0 && meridiem == Meridiem.None && TryMinutes(t, i + 1, digitHour: !wordHour, namesAnOption, out var spoken, out var consumed, out var strong))
        {
            minute = spoken;
            last += consumed;
            evidence = strong ? TimeEvidence.Strong : evidence;
        }

        if (hour > 23 || minute > 59)
        {
            return null;
        }

        var match = new TimeMatch(hour, Math.Max(minute, 0), meridiem, null, approximate, evidence, i, last);
        return Suffix(t, last + 1, match);
    }

    // Minutes after an hour: "thirty", "forty five", "oh five", or (after a digit hour) a two-digit "30".
    private static bool TryMinutes(IReadOnlyList<PhraseToken> t, int k, bool digitHour, bool namesAnOption, out int minute, out int consumed, out bool strong)
    {
        (minute, consumed, strong) = (0, 0, true);
        if (k >= t.Count || t[k].AfterPause)
        {
            return false;
        }

        if (t[k].IsAny("oh", "o", "zero") && NumberWords.TryCardinalWords(t, k + 1, out var unit, out _) && unit is >= 1 and <= 9)
        {
            (minute, consumed) = (unit, 2);
            return true;
        }

        if (NumberWords.TryCardinalWords(t, k, out var value, out var used) && value is >= 10 and <= 59)
        {
            var pronounOne = namesAnOption && used == 2 && t[k + 1].Is("one");
            (minute, consumed) = pronounOne ? (value - 1, 1) : (value, used);
            return true;
        }

        if (digitHour && t[k].IsDigits && t[k].Text.Length == 2 && Int(t[k].Text) <= 59)
        {
            (minute, consumed, strong) = (Int(t[k].Text), 1, false);
            return true;
        }

        return false;
    }

    // "am"/"pm", "a m", "o'clock", "in the morning", "at night", "noon", "ish", "or so", "sharp" after the time.
    private static TimeMatch? Suffix(IReadOnlyList<PhraseToken> t, int k, TimeMatch match)
    {
        bool At(int index, string word) => index < t.Count && t[index].Text == word;
        var (meridiem, part, last, strong, approximate) = (match.Meridiem, match.DayPart, match.Last, false, match.IsApproximate);
        if (meridiem == Meridiem.None && k < t.Count && ParseMeridiem(t[k].Text) is not Meridiem.None and var said)
        {
            (meridiem, last, k) = (said, k, k + 1);
        }
        else if (meridiem == Meridiem.None && (At(k, "a") || At(k, "p")) && At(k + 1, "m"))
        {
            (meridiem, last, k) = (t[k].Is("a") ? Meridiem.Am : Meridiem.Pm, k + 1, k + 2);
        }
        else if (match.Hour == 12 && At(k, "noon"))
        {
            (meridiem, last, k) = (Meridiem.Pm, k, k + 1);
        }

        if (At(k, "oclock") || (At(k, "o") && At(k + 1, "clock")))
        {
            (strong, last, k) = (true, k + (At(k, "o") ? 1 : 0), k + (At(k, "o") ? 2 : 1));
        }

        if (At(k, "in") && At(k + 1, "the") && k + 2 < t.Count && CalendarWords.TryDayPart(t[k + 2], out var said2))
        {
            (part, last, k) = (said2, k + 2, k + 3);
        }
        else if (At(k, "at") && At(k + 1, "night"))
        {
            (part, last, k) = (DayPart.Evening, k + 1, k + 2);
        }

        if (At(k, "ish") || At(k, "sharp"))
        {
            (approximate, last) = (approximate || t[k].Is("ish"), k);
        }
        else if (At(k, "or") && At(k + 1, "so"))
        {
            (approximate, last) = (true, k + 1);
        }

        if (meridiem != Meridiem.None && (match.Hour == 0 || match.Hour > 12))
        {
            return null;
        }

        var evidence = strong || meridiem != Meridiem.None || part is not null ? TimeEvidence.Strong : match.Evidence;
        return match with { Meridiem = meridiem, DayPart = part, IsApproximate = approximate, Evidence = evidence, Last = last };
    }

    private static bool TryHourWord(IReadOnlyList<PhraseToken> t, int k, out int hour)
    {
        hour = 0;
        if (k < t.Count && t[k].IsDigits && t[k].Text.Length <= 2)
        {
            hour = Int(t[k].Text);
            return hour is >= 1 and <= 23;
        }

        return NumberWords.TryCardinalWords(t, k, out hour, out var used) && used == 1 && hour is >= 1 and <= 12;
    }

    private static bool IsApproximateCue(IReadOnlyList<PhraseToken> t, int i) =>
        i > 0 && (t[i - 1].IsAny("around", "approximately", "roughly", "sometime")
            || (t[i - 1].Is("about") && !(i > 1 && t[i - 2].IsAny("how", "what"))));

    private static Meridiem ParseMeridiem(string text) => text switch
    {
        "am" => Meridiem.Am,
        "pm" => Meridiem.Pm,
        _ => Meridiem.None,
    };

    private static int Int(Group group) => Int(group.Value);

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d{1,2}):(\d{2})(am|pm|ish)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ColonTime();

    [GeneratedRegex(@"^(\d{1,2})(am|pm|ish|oclock)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HourWithSuffix();

    [GeneratedRegex(@"^(\d{3,4})(am|pm)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Compact();
}
