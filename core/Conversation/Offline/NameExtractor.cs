using System.Text.RegularExpressions;

namespace VoiceAgent.Core.Conversation.Offline;

/// <summary>Finds the name a caller gives: "this is Dana Lee", "my name is Dana", or a bare name when asked for it.</summary>
public static partial class NameExtractor
{
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "calling", "looking", "wondering", "trying", "just", "here", "not", "sure", "the", "a", "an", "going", "hoping",
        "interested", "still", "ready", "good", "fine", "okay", "ok", "yes", "no", "hi", "hello", "actually", "um", "uh",
        "can", "and", "i", "want", "wanted", "need", "would", "about", "to", "from", "with", "for", "calling", "please",
    };

    /// <summary>A name introduced with a cue anywhere in the utterance.</summary>
    public static string? FromIntroduction(string utterance)
    {
        var match = Introduction().Match(utterance);
        return match.Success ? Clean(match.Groups["name"].Value) : null;
    }

    /// <summary>The whole answer as a name (after "Can I get your name?"), or a cued name inside it.</summary>
    public static string? FromAnswer(string utterance)
    {
        if (FromIntroduction(utterance) is { } cued)
        {
            return cued;
        }

        var words = Words().Matches(LeadingCue().Replace(utterance.Trim(), string.Empty)).Select(m => m.Value).ToList();
        return words.Count is >= 1 and <= 3 ? Clean(string.Join(' ', words)) : null;
    }

    private static string? Clean(string candidate)
    {
        var words = candidate.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .TakeWhile(w => !NotNames.Contains(w))
            .Take(3)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant())
            .ToList();
        return words.Count == 0 ? null : string.Join(' ', words);
    }

    [GeneratedRegex(@"\b(?i:this is|my name is|my name's|name is|it's|it is|i am|i'm)\s+(?<name>[A-Z][a-zA-Z'-]+(?:\s+[A-Z][a-zA-Z'-]+){0,2})", RegexOptions.CultureInvariant, 100)]
    private static partial Regex Introduction();

    /// <summary>"Sure, my name is …", "it's …": the words before the name in an answer, in any case.</summary>
    [GeneratedRegex(@"^(?:(?:hi|hello|yes|yeah|sure|ok|okay)[,.!]?\s+)?(?:it's|it is|this is|my name is|my name's|name's|the name is|i am|i'm)\s+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 100)]
    private static partial Regex LeadingCue();

    [GeneratedRegex(@"[A-Za-z][A-Za-z'-]*", RegexOptions.CultureInvariant, 100)]
    private static partial Regex Words();
}
