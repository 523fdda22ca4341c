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

    public static ServiceOffering? ByName(string name, TenantProfile tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return tenant.Services.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
    }
}
