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
        "my", "your", "our", "his", "her", "their", "me", "is", "was", "so", "regarding", "concerning", "urgent", "really",
        "gonna", "wanna", "gotta", "having", "been", "also", "in", "on", "at", "it", "that", "this", "because", "but", "or",
        "i'm", "im", "i'd", "id", "i've", "ive", "i'll", "ill", "calling", "phoning", "from",
    };

    /// <summary>A name introduced with a cue anywhere in the utterance.</summary>
    public static string? FromIntroduction(string utterance)
    {
        // "this is dana lee" as speech recognition writes it: a strong cue takes the name in any case; a weak one
        // ("it's", "I'm") only a capitalised name, so "i'm having trouble" names nobody.
        var match = StrongIntroduction().Match(utterance);
        if (!match.Success)
        {
            match = Introduction().Match(utterance);
        }

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

    [GeneratedRegex(@"\b(?i:this is|my name is|my name's|name is|it's|it is|i am|i'm)\s+(?<name>[A-Z][a-zA-Z'-]+(?:\s+[A-Z][a-zA-Z'-]+){0,2})", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Introduction();

    [GeneratedRegex(@"\b(?:this is|my name is|my name's|my names|the name is|name is|the names|name's)\s+(?<name>[a-z][a-z'-]+(?:\s+[a-z][a-z'-]+){0,2})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex StrongIntroduction();

    /// <summary>"Sure, my name is …", "it's …": the words before the name in an answer, in any case.</summary>
    [GeneratedRegex(@"^(?:(?:hi|hello|yes|yeah|sure|ok|okay)[,.!]?\s+)?(?:it's|it is|this is|my name is|my name's|name's|the name is|i am|i'm)\s+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex LeadingCue();

    [GeneratedRegex(@"[A-Za-z][A-Za-z'-]*", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Words();
}
