using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Conversation.Offline;

/// <summary>Finds the service a caller named, by name or synonym, preferring the longest match.</summary>
public static class ServiceMatcher
{
    public static ServiceOffering? Find(string utterance, TenantProfile tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var text = IntentClassifier.Normalise(utterance);
        return tenant.Services
            .SelectMany(s => s.Synonyms.Append(s.Name).Select(phrase => (Service: s, Phrase: phrase)))
            .Where(m => IntentClassifier.ContainsPhrase(text, m.Phrase))
            .OrderByDescending(m => m.Phrase.Length)
            .Select(m => m.Service)
            .FirstOrDefault();
    }

    /// <summary>Every service named, in the order the caller said them (each once).</summary>
    public static IReadOnlyList<ServiceOffering> FindAll(string utterance, TenantProfile tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var text = IntentClassifier.Normalise(utterance);
        return [.. tenant.Services
            .Select(s => (Service: s, At: s.Synonyms.Append(s.Name).Select(phrase => IntentClassifier.PhrasePosition(text, phrase)).Where(p => p >= 0).DefaultIfEmpty(-1).Min()))
            .Where(m => m.At >= 0)
            .OrderBy(m => m.At)
            .Select(m => m.Service)];
    }

    public static ServiceOffering? ByName(string name, TenantProfile tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return tenant.Services.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
    }
}
