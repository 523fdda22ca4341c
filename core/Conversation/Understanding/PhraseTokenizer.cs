using System.Text.RegularExpressions;

namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>
/// Splits speech-recognition text into lower-case tokens that keep their offsets in the original text.
/// Numbers stay whole with their punctuation ("9:30", "12/7", "$49.99", "555-0101", "7th", "2pm"), so money,
/// phone numbers and decimals never look like plain numbers. Apostrophes and the dots of "a.m." are dropped.
/// </summary>
internal static partial class PhraseTokenizer
{
    private static readonly System.Buffers.SearchValues<char> Pauses = System.Buffers.SearchValues.Create(",.;:?!-…");

    public static IReadOnlyList<PhraseToken> Tokenise(string utterance)
    {
        var lower = utterance.ToLowerInvariant();
        var tokens = new List<PhraseToken>();
        var previousEnd = 0;
        foreach (Match match in Token().Matches(lower))
        {
            var gap = lower.AsSpan(previousEnd, match.Index - previousEnd);
            var pause = tokens.Count > 0 && gap.IndexOfAny(Pauses) >= 0;
            tokens.Add(new PhraseToken(Clean(match), match.Index, match.Index + match.Length, pause));
            previousEnd = match.Index + match.Length;
        }

        return tokens;
    }

    private static string Clean(Match match)
    {
        var value = match.Value;
        if (!match.Groups["num"].Success)
        {
            return value.Replace("'", string.Empty, StringComparison.Ordinal)
                .Replace("’", string.Empty, StringComparison.Ordinal)
                .Replace(".", string.Empty, StringComparison.Ordinal);
        }

        var lastDigit = value.Length - 1;
        while (!char.IsAsciiDigit(value[lastDigit]))
        {
            lastDigit--;
        }

        return value[..(lastDigit + 1)] + value[(lastDigit + 1)..].Replace(".", string.Empty, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<num>\$?\d+(?:[.:/,-]\d+)*(?:[a-z]+|(?:[a-z]\.)+)?)|(?<abbr>\b[ap]\.m\b\.?)|(?<word>[a-z]+(?:['’][a-z]+)*)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Token();
}
