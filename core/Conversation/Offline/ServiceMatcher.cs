using VoiceAgent.Core.Conversation.Understanding;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Conversation.Offline;

/// <summary>
/// Finds the service a caller named, by name or synonym, preferring the longest match. Words match whatever their
/// ending ("tires rotated" / "rotating my tires", "oil changed", "brakes checked"), so a synonym need not be listed in
/// every form a caller says it.
/// </summary>
public static class ServiceMatcher
{
    public static ServiceOffering? Find(string utterance, TenantProfile tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var words = Stems(utterance);
        return tenant.Services
            .SelectMany(s => s.Synonyms.Append(s.Name).Select(phrase => (Service: s, Phrase: phrase)))
            .Where(m => Position(words, m.Phrase) >= 0)
            .OrderByDescending(m => m.Phrase.Length)
            .Select(m => m.Service)
            .FirstOrDefault();
    }

    /// <summary>Every service named, in the order the caller said them (each once).</summary>
    public static IReadOnlyList<ServiceOffering> FindAll(string utterance, TenantProfile tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var words = Stems(utterance);
        return [.. tenant.Services
            .Select(s => (Service: s, At: s.Synonyms.Append(s.Name).Select(phrase => Position(words, phrase)).Where(p => p >= 0).DefaultIfEmpty(-1).Min()))
            .Where(m => m.At >= 0)
            .OrderBy(m => m.At)
            .Select(m => m.Service)];
    }

    public static ServiceOffering? ByName(string name, TenantProfile tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return tenant.Services.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The word index where <paramref name="phrase"/> starts among the utterance's stems, or -1.</summary>
    private static int Position(string[] words, string phrase)
    {
        var wanted = Stems(phrase);
        if (wanted.Length == 0)
        {
            return -1;
        }

        for (var i = 0; i + wanted.Length <= words.Length; i++)
        {
            if (wanted.AsSpan().SequenceEqual(words.AsSpan(i, wanted.Length)))
            {
                return i;
            }
        }

        return -1;
    }

    private static string[] Stems(string text) =>
        [.. Phrases.Normalise(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Stem)];

    /// <summary>"rotated", "rotating", "rotate" → "rotat"; "tires", "tire" → "tir". Short words stay as they are.</summary>
    private static string Stem(string word)
    {
        if (word.Length <= 3)
        {
            return word;
        }

        foreach (var ending in (ReadOnlySpan<string>)["ing", "ed", "es", "s", "e"])
        {
            if (word.Length - ending.Length >= 3 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word[..^ending.Length];
            }
        }

        return word;
    }
}
