namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>
/// Finds the appointment date and/or time in what a caller said, deterministically (no model, no network).
/// <para>
/// "Now" is the shop's local wall-clock time: pass a local <see cref="DateTime"/>, or a <see cref="DateTimeOffset"/> plus
/// the tenant's <see cref="TimeZoneInfo"/>, which is converted first. Only its date is used: "today" is the shop's today.
/// </para>
/// <para>Rules:</para>
/// <list type="bullet">
/// <item>Times without am/pm: hours 1–6 mean pm, 7–11 mean am, 12 means noon ("Friday at 2" is 14:00); a part of day
/// ("10 in the morning", "tomorrow morning at 10", "3 this afternoon") or a 24-hour hour ("14:30") decides instead.</item>
/// <item>A weekday means its next occurrence with today included ("Friday" said on a Friday is today; "this Sunday" too).
/// "next Friday" / "Friday next week" means Friday of the following calendar week (weeks run Monday–Sunday), so on a
/// Tuesday "next Friday" is 10 days away and on a Friday "next Monday" is 3 days away.</item>
/// <item>Dates without a year ("January 3rd", "12/7") and "the 28th" mean the first such date on or after today, so they
/// roll into next month or year.</item>
/// <item>A bare number is a time only with a cue ("at 2", "around 3", "make it 11", "10 then", "tomorrow 9") or when it is
/// all that was said; numbers beside other numbers (PINs, phone numbers), money, years and addresses are not times.</item>
/// <item>"after 2", "not before 10" and "by 5" are reported as bounds (<see cref="DateTimePhrase.TimeRelation"/>), not
/// as exact times.</item>
/// <item>When several dates or times are said, the last one the caller did not rule out wins ("not Friday, Monday",
/// "from Wednesday to Thursday").</item>
/// <item>"the day after", "the next day", "a week later", "the day before" count from the day under discussion, which
/// only the dialog knows: <see cref="DateTimePhrase.DaysAfterContext"/> is set and the date is null. "the day after
/// tomorrow" and "the day after Friday" are dates.</item>
/// </list>
/// </summary>
public static class DateTimePhraseParser
{
    /// <summary>Parses against the shop's local "now". Returns null when no date, time or part of day was said.</summary>
    public static DateTimePhrase? Parse(string utterance, DateTime localNow)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        return RegexGuard.Run(() => ParseTokens(utterance, localNow), fallback: null);
    }

    /// <summary>Parses against <paramref name="now"/> read on the shop's clock.</summary>
    public static DateTimePhrase? Parse(string utterance, DateTimeOffset now, Scheduling.TenantTime time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Parse(utterance, time.Local(now).DateTime);
    }

    private static DateTimePhrase? ParseTokens(string utterance, DateTime localNow)
    {
        var tokens = PhraseTokenizer.Tokenise(utterance);
        var today = DateOnly.FromDateTime(localNow);
        DateMatch? date = null;
        TimeMatch? time = null;
        PartMatch? part = null;
        var cueEnd = -10;
        for (var i = 0; i < tokens.Count;)
        {
            var ruledOut = Negation.IsNegated(tokens, i);
            if (DateRules.Match(tokens, i, today) is { } foundDate)
            {
                date = ruledOut ? date : foundDate;
                (cueEnd, i) = (foundDate.Last, foundDate.Last + 1);
            }
            else if (TimeRules.Match(tokens, i) is { } foundTime && TimeContext.Accepts(tokens, foundTime, followsDate: cueEnd >= i - 1))
            {
                time = ruledOut ? time : foundTime;
                cueEnd = ruledOut ? foundTime.Last + 1 : cueEnd;
                i = foundTime.Last + 1;
            }
            else if (DayPartRules.Match(tokens, i) is { } foundPart)
            {
                part = ruledOut ? part : foundPart;
                i = foundPart.Last + 1;
            }
            else
            {
                i++;
            }
        }

        return Build(utterance, tokens, date, time, part);
    }

    private static DateTimePhrase? Build(string utterance, IReadOnlyList<PhraseToken> tokens, DateMatch? date, TimeMatch? time, PartMatch? part)
    {
        if (date is null && time is null && part is null)
        {
            return null;
        }

        var contextPart = part?.Part ?? date?.DayPart;
        TimeOnly? clock = null;
        var meridiemExplicit = false;
        if (time is not null)
        {
            (var resolved, meridiemExplicit) = TimeRules.Resolve(time, contextPart);
            clock = resolved;
        }

        int[] firsts = [date?.First ?? int.MaxValue, time?.First ?? int.MaxValue, part?.First ?? int.MaxValue];
        int[] lasts = [date?.Last ?? -1, time?.Last ?? -1, part?.Last ?? -1];
        var start = tokens[firsts.Min()].Start;
        var end = tokens[lasts.Max()].End;
        return new DateTimePhrase(
            date?.Date,
            date?.Kind ?? DateKind.None,
            clock,
            time?.DayPart ?? contextPart,
            meridiemExplicit,
            time?.IsApproximate ?? false,
            time is null ? TimeRelation.At : TimeContext.Relation(tokens, time.First),
            utterance[start..end],
            start,
            date?.DaysAfterContext);
    }
}
