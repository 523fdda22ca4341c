using System.Text.RegularExpressions;

namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>
/// Times said relative to the appointment under discussion: "an hour later", "push it back 30 minutes", "move it up
/// half an hour", "same time". The engine applies them to the time in focus. ("Same day" is a date the parser reads:
/// <see cref="DateTimePhrase.DaysAfterContext"/> 0.)
/// </summary>
public static partial class RelativeToFocus
{
    /// <summary>
    /// The shift asked for: positive for later ("an hour later", "push it back two hours"), negative for earlier
    /// ("half an hour earlier", "move it up an hour"); null when no amount with a direction is said.
    /// </summary>
    public static TimeSpan? Shift(string utterance)
    {
        var text = Phrases.Normalise(utterance);
        var amount = Amount().Match(text);
        if (!amount.Success)
        {
            return null;
        }

        var minutes = Minutes(amount);
        var later = Later().IsMatch(text);
        var earlier = Earlier().IsMatch(text);
        return later == earlier ? null : TimeSpan.FromMinutes(later ? minutes : -minutes);
    }

    /// <summary>"same time", "at the same time", "same time as before".</summary>
    public static bool SameTime(string utterance) => Phrases.ContainsPhrase(Phrases.Normalise(utterance), "same time");

    private static int Minutes(Match amount)
    {
        if (amount.Groups["half"].Success)
        {
            return 30;
        }

        if (amount.Groups["hourhalf"].Success)
        {
            return 90;
        }

        var count = amount.Groups["count"].Value switch
        {
            "a" or "an" or "one" or "1" => 1,
            "a couple" or "a couple of" or "couple" or "couple of" or "two" or "2" => 2,
            "three" or "3" => 3,
            "fifteen" or "15" => 15,
            "twenty" or "20" => 20,
            "thirty" or "30" => 30,
            "forty five" or "45" => 45,
            "ninety" or "90" => 90,
            _ => 0,
        };
        return amount.Groups["unit"].Value.StartsWith('h') ? count * 60 : count;
    }

    [GeneratedRegex(@"\b(?:(?<hourhalf>an hour and a half|one and a half hours|1 and a half hours)|(?<half>half an hour|a half hour|half hour)|(?<count>an|a couple of|a couple|couple of|couple|a|one|two|three|fifteen|twenty|thirty|forty five|ninety|[0-9]{1,2}) (?<unit>hours?|hrs?|minutes?|mins?))\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Amount();

    [GeneratedRegex(@"\b(later|after that|back|pushed back|push (it|that)? ?back)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Later();

    [GeneratedRegex(@"\b(earlier|sooner|before that|forward|(move|bump|bring|pull) (it|that|this)? ?up)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Earlier();
}
