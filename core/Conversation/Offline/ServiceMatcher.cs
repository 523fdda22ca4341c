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

    /// <summary>
    /// The services a caller may mean by a word several service names share ("an inspection": brake or state
    /// inspection). Empty unless at least two match, so a lone word never books a service by itself.
    /// </summary>
    public static IReadOnlyList<ServiceOffering> SharingAWord(string utterance, TenantProfile tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var words = Stems(utterance).Where(w => w.Length >= 4).ToHashSet(StringComparer.Ordinal);
        foreach (var word in words)
        {
            var sharing = tenant.Services.Where(s => Stems(s.Name).Contains(word)).ToList();
            if (sharing.Count >= 2)
            {
                return sharing;
            }
        }

        return [];
    }

    /// <summary>
    /// After "which one: a brake inspection or a state inspection?", a word of one service's name that no other
    /// service name has ("state", "the brake one").
    /// </summary>
    public static ServiceOffering? ByDistinctWord(string utterance, TenantProfile tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var words = Stems(utterance);
        var named = tenant.Services
            .Where(s => Stems(s.Name).Any(w => w.Length >= 4 && words.Contains(w) && tenant.Services.Count(o => Stems(o.Name).Contains(w)) == 1))
            .ToList();
        return named.Count == 1 ? named[0] : null;
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
