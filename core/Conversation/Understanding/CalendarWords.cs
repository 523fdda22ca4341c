namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>Weekday, month and part-of-day vocabulary.</summary>
internal static class CalendarWords
{
    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["monday"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
        ["tues"] = DayOfWeek.Tuesday,
        ["weds"] = DayOfWeek.Wednesday,
        ["thurs"] = DayOfWeek.Thursday,
        ["weekend"] = DayOfWeek.Saturday, // "this weekend", "next weekend": its first day
    };

    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["january"] = 1,
        ["jan"] = 1,
        ["february"] = 2,
        ["feb"] = 2,
        ["march"] = 3,
        ["mar"] = 3,
        ["april"] = 4,
        ["apr"] = 4,
        ["may"] = 5,
        ["june"] = 6,
        ["jun"] = 6,
        ["july"] = 7,
        ["jul"] = 7,
        ["august"] = 8,
        ["aug"] = 8,
        ["september"] = 9,
        ["sep"] = 9,
        ["sept"] = 9,
        ["october"] = 10,
        ["oct"] = 10,
        ["november"] = 11,
        ["nov"] = 11,
        ["december"] = 12,
        ["dec"] = 12,
    };

    private static readonly Dictionary<string, DayPart> Parts = new(StringComparer.Ordinal)
    {
        ["morning"] = DayPart.Morning,
        ["mornings"] = DayPart.Morning,
        ["afternoon"] = DayPart.Afternoon,
        ["afternoons"] = DayPart.Afternoon,
        ["evening"] = DayPart.Evening,
        ["evenings"] = DayPart.Evening,
    };

    public static bool TryWeekday(PhraseToken token, out DayOfWeek day)
    {
        var text = token.Text;
        if (Weekdays.TryGetValue(text, out day))
        {
            return true;
        }

        // "mondays", "on fridays"
        return text.Length > 6 && text.EndsWith('s') && Weekdays.TryGetValue(text[..^1], out day);
    }

    public static bool IsWeekday(PhraseToken token) => TryWeekday(token, out _);

    public static bool TryMonth(PhraseToken token, out int month) => Months.TryGetValue(token.Text, out month);

    public static bool TryDayPart(PhraseToken token, out DayPart part) => Parts.TryGetValue(token.Text, out part);
}
