using System.Globalization;
using System.Text.RegularExpressions;

namespace VoiceAgent.Core.Conversation.Llm;

/// <summary>
/// The words a reply must say for a write to count as read back: the hour of its time, in digits or in words ("9",
/// "9:30", "nine"), however the model phrases the rest. Each entry is a set of alternatives separated by <c>|</c>.
/// </summary>
public static partial class ReadBackWords
{
    private static readonly string[] HourNames = ["twelve", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"];

    public static string Hour(TimeOnly time)
    {
        var hour = time.Hour % 12;
        var said = $"{(hour == 0 ? 12 : hour).ToString(CultureInfo.InvariantCulture)}|{HourNames[hour]}";
        return time == new TimeOnly(12, 0) ? said + "|noon" : said;
    }

    /// <summary>True when <paramref name="spoken"/> says one of the alternatives of <paramref name="entry"/> as a whole word.</summary>
    public static bool IsSaid(string entry, string spoken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(spoken);
        var words = Word().Matches(spoken.ToLowerInvariant()).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        return entry.Split('|').Any(words.Contains);
    }

    [GeneratedRegex(@"[a-z]+|\d+")]
    private static partial Regex Word();
}
