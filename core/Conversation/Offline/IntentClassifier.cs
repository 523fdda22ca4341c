using System.Text.RegularExpressions;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Conversation.Offline;

/// <summary>Keyword rules that map an utterance to a <see cref="CallerIntent"/>. Deterministic; no model.</summary>
public static partial class IntentClassifier
{
    public static CallerIntent Classify(string utterance, TenantProfile tenant)
    {
        var text = Normalise(utterance);
        if (text.Length == 0)
        {
            return CallerIntent.Unknown;
        }

        if (TransferWords().IsMatch(text) || FindDepartment(text, tenant, requireRequest: true) is not null)
        {
            return CallerIntent.Transfer;
        }

        if (AppointmentWords().IsMatch(text))
        {
            return CallerIntent.Appointment;
        }

        if (HoursWords().IsMatch(text))
        {
            return CallerIntent.Hours;
        }

        if (FindFaq(text, tenant) is not null)
        {
            return CallerIntent.Faq;
        }

        if (GoodbyeWords().IsMatch(text))
        {
            return CallerIntent.Goodbye;
        }

        return ThanksWords().IsMatch(text) ? CallerIntent.Thanks : CallerIntent.Unknown;
    }

    /// <summary>The department named in the utterance; with <paramref name="requireRequest"/>, only when the caller asks to be put through.</summary>
    public static TransferTarget? FindDepartment(string utterance, TenantProfile tenant, bool requireRequest = false)
    {
        var text = Normalise(utterance);
        if (requireRequest && !RequestWords().IsMatch(text))
        {
            return null;
        }

        return tenant.TransferTargets
            .Where(t => !t.IsDefault)
            .FirstOrDefault(t => t.Keywords.Append(t.Department).Any(k => ContainsPhrase(text, k)));
    }

    public static FaqAnswer? FindFaq(string utterance, TenantProfile tenant)
    {
        var text = Normalise(utterance);
        return tenant.Faq.FirstOrDefault(f => f.Keywords.Any(k => ContainsPhrase(text, k)))
            ?? (PriceWords().IsMatch(text) ? tenant.Faq.FirstOrDefault(f => f.Topic.Contains("price", StringComparison.OrdinalIgnoreCase) && ServiceMentioned(text, f.Topic)) : null);
    }

    /// <summary>Lower case, apostrophes dropped, punctuation to spaces, single spaces.</summary>
    public static string Normalise(string utterance) =>
        Spaces().Replace(NonWord().Replace(utterance.ToLowerInvariant().Replace("'", string.Empty, StringComparison.Ordinal).Replace("’", string.Empty, StringComparison.Ordinal), " "), " ").Trim();

    public static bool ContainsPhrase(string normalisedText, string phrase) =>
        Regex.IsMatch(normalisedText, $@"\b{Regex.Escape(Normalise(phrase))}\b", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));

    private static bool ServiceMentioned(string text, string topic) =>
        topic.Replace(" price", string.Empty, StringComparison.OrdinalIgnoreCase).Split(' ').All(word => ContainsPhrase(text, word));

    [GeneratedRegex(@"\b(person|human|someone|somebody|representative|operator|real (person|people)|live agent|an agent|staff|receptionist|manager)\b")]
    private static partial Regex TransferWords();

    [GeneratedRegex(@"\b(talk|speak|transfer|connect|put me through|get me)\b")]
    private static partial Regex RequestWords();

    [GeneratedRegex(@"\b(book|booking|appointment|appointments|schedule|reschedule|cancel|move my|come in|bring (it|my car|the car) in)\b")]
    private static partial Regex AppointmentWords();

    [GeneratedRegex(@"\b(hours|open|opening|close|closing|closed)\b")]
    private static partial Regex HoursWords();

    [GeneratedRegex(@"\b(how much|price|cost|costs|charge)\b")]
    private static partial Regex PriceWords();

    [GeneratedRegex(@"\b(bye|goodbye|good bye|thats all|that is all|thats it|nothing else|no thanks|no thank you|im good|im all set|all set|hang up)\b")]
    private static partial Regex GoodbyeWords();

    [GeneratedRegex(@"\b(thanks|thank you|great|perfect|ok|okay)\b")]
    private static partial Regex ThanksWords();

    [GeneratedRegex(@"[^a-z0-9:$.]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
