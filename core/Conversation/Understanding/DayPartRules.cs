namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>Parts of day said without a clock time: "morning", "in the afternoon", "early evening", "first thing", "tomorrow night".</summary>
internal static class DayPartRules
{
    public static PartMatch? Match(IReadOnlyList<PhraseToken> t, int i)
    {
        if (i >= t.Count || (i > 0 && t[i - 1].Is("good")))
        {
            return null;
        }

        if (t[i].Is("first") && At(t, i + 1, "thing"))
        {
            var last = At(t, i + 2, "in") && At(t, i + 3, "the") && At(t, i + 4, "morning") ? i + 4 : i + 1;
            return new PartMatch(DayPart.Morning, i, last);
        }

        var j = t[i].IsAny("early", "late", "mid") ? i + 1 : i;
        j = At(t, j, "in") && At(t, j + 1, "the") ? j + 2 : j;
        if (j < t.Count && CalendarWords.TryDayPart(t[j], out var part))
        {
            return new PartMatch(part, i, j);
        }

        var afterDay = i > 0 && (t[i - 1].IsAny("at", "tomorrow", "this", "late") || CalendarWords.IsWeekday(t[i - 1]));
        return t[i].Is("night") && afterDay ? new PartMatch(DayPart.Evening, i, i) : null;
    }

    private static bool At(IReadOnlyList<PhraseToken> t, int i, string text) => i < t.Count && t[i].Text == text;
}
