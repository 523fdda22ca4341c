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

        // A request for another language first: "can I talk to someone in Spanish" needs the honest English-only
        // answer before any transfer. Spanish words alone ("hola", "por favor") count only when nothing else is
        // understood: "hola, I need an oil change" is a booking.
        if (OtherLanguageWords().IsMatch(text))
        {
            return CallerIntent.OtherLanguage;
        }

        // "representative" asks for a person on its own; "someone" does only with a request ("can someone look at my
        // brakes" is a booking) or as a short answer ("a person, please").
        var asksForPerson = PersonWords().IsMatch(text) && (RequestWords().IsMatch(text) || text.Split(' ').Length <= 4);
        if (StrongTransferWords().IsMatch(text) || asksForPerson || FindDepartment(text, tenant, requireRequest: true) is not null)
        {
            return CallerIntent.Transfer;
        }

        if (LeaveMessageWords().IsMatch(text))
        {
            return CallerIntent.LeaveMessage;
        }

        if (JobStatusWords().IsMatch(text))
        {
            return CallerIntent.JobStatus;
        }

        var service = Conversation.Offline.ServiceMatcher.Find(text, tenant);
        if (TextMessageWords().IsMatch(text) && (service is null || !BookWords().IsMatch(text)))
        {
            return CallerIntent.TextMessage;
        }

        // "walk-in" or "without an appointment" always; "can I just drop by" only when no service is named
        // ("can I just come in Friday for an oil change" is a booking).
        if (WalkInWords().IsMatch(text) || (service is null && DropByWords().IsMatch(text)))
        {
            return CallerIntent.WalkIn;
        }

        if (CancelWords().IsMatch(text))
        {
            return CallerIntent.Cancel;
        }

        if (RescheduleWords().IsMatch(text))
        {
            return CallerIntent.Reschedule;
        }

        if (ListWords().IsMatch(text))
        {
            return CallerIntent.ListAppointments;
        }

        if (FindFaq(text, tenant) is not null)
        {
            return CallerIntent.Faq;
        }

        if (PriceWords().IsMatch(text) && service is not null && !BookWords().IsMatch(text))
        {
            return CallerIntent.Price;
        }

        if (BookWords().IsMatch(text) || service is not null)
        {
            return CallerIntent.Book;
        }

        if (HoursWords().IsMatch(text))
        {
            return CallerIntent.Hours;
        }

        if (GoodbyeWords().IsMatch(text))
        {
            return CallerIntent.Goodbye;
        }

        if (ThanksWords().IsMatch(text))
        {
            return CallerIntent.Thanks;
        }

        return SpanishWords().IsMatch(text) ? CallerIntent.OtherLanguage : CallerIntent.Unknown;
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

    public static bool ContainsPhrase(string normalisedText, string phrase) => PhrasePosition(normalisedText, phrase) >= 0;

    /// <summary>Where a whole-word phrase starts in normalised text, or -1.</summary>
    public static int PhrasePosition(string normalisedText, string phrase)
    {
        var match = Regex.Match(normalisedText, $@"\b{Regex.Escape(Normalise(phrase))}\b", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
        return match.Success ? match.Index : -1;
    }

    private static bool ServiceMentioned(string text, string topic) =>
        topic.Replace(" price", string.Empty, StringComparison.OrdinalIgnoreCase).Split(' ').All(word => ContainsPhrase(text, word));

    [GeneratedRegex(@"\b(representative|operator|real (person|people)|live (agent|person)|human being|receptionist|manager)\b")]
    private static partial Regex StrongTransferWords();

    [GeneratedRegex(@"\b(person|human|someone|somebody|an agent|staff|anyone|anybody)\b")]
    private static partial Regex PersonWords();

    [GeneratedRegex(@"\b(talk|speak|transfer|connect|put me through|get me)\b")]
    private static partial Regex RequestWords();

    [GeneratedRegex(@"\b(cancel|cancellation|call off)\b")]
    private static partial Regex CancelWords();

    [GeneratedRegex(@"\b(reschedule|re schedule|move (my|the|it)|change (my|the) (appointment|booking|time)|push (it|my appointment) back|different (day|time)|another (day|time)|cant make it|cannot make it|wont make it|can not make it)\b")]
    private static partial Regex RescheduleWords();

    [GeneratedRegex(@"\b(when is my|what time is my|do i have (an?|any) (appointment|appointments|booking|bookings)|my appointments|list my|appointments coming up|upcoming appointments?)\b")]
    private static partial Regex ListWords();

    [GeneratedRegex(@"\b(book|booking|appointment|schedule|make an|set up|come in|bring (it|my car|the car) in|get (my car|it) in)\b")]
    private static partial Regex BookWords();

    [GeneratedRegex(@"\b(hours|open|opening|close|closing|closed)\b")]
    private static partial Regex HoursWords();

    [GeneratedRegex(@"\b(how much|price|cost|costs|charge)\b")]
    private static partial Regex PriceWords();

    [GeneratedRegex(@"\b(bye|goodbye|good bye|thats all|that is all|thats it|nothing else|no thanks|no thank you|im good|im all set|all set|hang up)\b")]
    private static partial Regex GoodbyeWords();

    [GeneratedRegex(@"\b(thanks|thank you|great|perfect|ok|okay)\b")]
    private static partial Regex ThanksWords();

    // Normalise turns "español" into "espa ol" and "inglés" into "ingl s".
    [GeneratedRegex(@"\b(habla|hablas|hablan|hablo|espa ol|espanol|spanish|en espa|no ingl s|no ingles|se habla|french|francais|fran ais|vietnamese|chinese|mandarin|cantonese|korean|portuguese|russian|arabic|tagalog)\b")]
    private static partial Regex OtherLanguageWords();

    [GeneratedRegex(@"\b(hola|buenos d as|buenos dias|buenas tardes|buenas noches|por favor|necesito|quiero|mi carro|ayuda)\b")]
    private static partial Regex SpanishWords();

    [GeneratedRegex(@"\b(leave (a|them a|him a|her a) (message|note)|take a message|pass (on )?a message|give them a message)\b")]
    private static partial Regex LeaveMessageWords();

    [GeneratedRegex(@"\b((my|the|our) (car|cars|truck|trucks|vehicle|van|suv|jeep|minivan|civic|rav4) (is |be |s )?(ready|done|finished|fixed)|(is|are) (it|they) (ready|done|finished) (yet|for pick ?up|to pick up)|when (will|can) i (pick up|get) (my|the) (car|truck|vehicle|van)|status (of|on) (my|the) (car|truck|vehicle|van|repair|repairs|job)|ready (for pick ?up|to be picked up)|how is (my|the) (car|truck|repair) (coming|going))\b")]
    private static partial Regex JobStatusWords();

    [GeneratedRegex(@"\b(text me|text it|text that|text the|send (me )?(a )?text|a text message|text message|sms|get a text|by text|via text|send it to my phone)\b")]
    private static partial Regex TextMessageWords();

    [GeneratedRegex(@"\b(walk ?ins?|walk in|without (an|a) (appointment|booking)|do (i|you|we) need an appointment|(do|would) i (need|have) to (make|book) an appointment)\b")]
    private static partial Regex WalkInWords();

    [GeneratedRegex(@"\b(just (drop|stop|swing|come|pop|show) (by|in|up|over)|(can|could) i (drop|stop|swing|pop|come) by|(drop|stop|swing|come) (by|in) (anytime|any time|whenever))\b")]
    private static partial Regex DropByWords();

    [GeneratedRegex(@"[^a-z0-9:$.]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
