using System.Text;

namespace VoiceAgent.WebPubSubHost.Speech.Local;

/// <summary>
/// A JSGF grammar whose sentences are exactly the expected phrases: the recognizer then picks the closest phrase
/// instead of guessing from the whole language, which is what makes a narrow answer (yes / no) usable on phone audio.
/// Phrases are cut to the words the dictionary knows how to say; a phrase with an unknown word is left out, because
/// pocketsphinx refuses the whole grammar for one.
/// </summary>
internal static class PhraseGrammar
{
    /// <summary>The grammar, or null when no phrase is left (the caller then falls back to open vocabulary).</summary>
    public static string? Build(IEnumerable<string> phrases, IReadOnlySet<string> dictionary)
    {
        var alternatives = phrases
            .Select(Words)
            .Where(words => words.Count > 0 && words.All(dictionary.Contains))
            .Select(words => string.Join(' ', words))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (alternatives.Count == 0)
        {
            return null;
        }

        return $"#JSGF V1.0;\ngrammar expected;\npublic <phrase> = {string.Join(" | ", alternatives)};\n";
    }

    /// <summary>A phrase as the dictionary spells it: lower case, letters and apostrophes ("no, thanks" → no thanks).</summary>
    public static IReadOnlyList<string> Words(string phrase)
    {
        var cleaned = new StringBuilder(phrase.Length);
        foreach (var character in phrase.ToLowerInvariant())
        {
            cleaned.Append(char.IsLetter(character) || character == '\'' ? character : ' ');
        }

        return cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
