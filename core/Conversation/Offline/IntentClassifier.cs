using VoiceAgent.Core.Conversation.Understanding;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Conversation.Offline;

/// <summary>
/// Keyword rules that map an utterance to a <see cref="CallerIntent"/>. Deterministic; no model. The rules run in a
/// fixed order (another language, a message, a person, repair status, texts, walk-ins, cancel, move, list, FAQ, price,
/// booking, hours, goodbye, thanks); a "never mind" hands the decision to whatever the caller says after it.
/// The word lists live in <see cref="IntentWords"/>.
/// </summary>
public static class IntentClassifier
{
    /// <summary>Any fixed day works: it only tells whether a date or time was said, never which.</summary>
    private static readonly DateTime AnyDay = new(2026, 6, 1, 9, 0, 0);

    public static CallerIntent Classify(string utterance, TenantProfile tenant)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        ArgumentNullException.ThrowIfNull(tenant);
        var text = Phrases.Normalise(utterance);
        if (text.Length == 0)
        {
            return CallerIntent.Unknown;
        }

        // "never mind, just cancel it": what follows the last "never mind" decides; nothing new after it drops the matter.
        var neverMind = IntentWords.NeverMind().Matches(text);
        if (neverMind.Count == 0)
        {
            return ClassifyRequest(text, tenant);
        }

        var last = neverMind[^1];
        var rest = text[(last.Index + last.Length)..].Trim();
        return rest.Length > 0 && ClassifyRequest(rest, tenant) is var after && StatesSomethingNew(rest, after) ? after : CallerIntent.NeverMind;
    }

    /// <summary>
    /// The department named in the utterance; with <paramref name="requireRequest"/>, only when the caller asks to be put
    /// through ("put me through to parts") or names it as a short answer ("the parts department please").
    /// </summary>
    public static TransferTarget? FindDepartment(string utterance, TenantProfile tenant, bool requireRequest = false)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        ArgumentNullException.ThrowIfNull(tenant);
        var text = Phrases.Normalise(utterance);
        if (requireRequest && !IntentWords.Request().IsMatch(text) && !IsShortAnswer(text))
        {
            return null;
        }

        return tenant.TransferTargets
            .Where(t => !t.IsDefault)
            .FirstOrDefault(t => t.Keywords.Append(t.Department).Any(k => Phrases.ContainsPhrase(text, k)));
    }

    public static FaqAnswer? FindFaq(string utterance, TenantProfile tenant)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        ArgumentNullException.ThrowIfNull(tenant);
        var text = Phrases.Normalise(utterance);
        if (tenant.Faq.FirstOrDefault(f => f.Keywords.Any(k => Phrases.ContainsPhrase(text, k))) is { } byKeyword)
        {
            return byKeyword;
        }

        if (IntentWords.Price().IsMatch(text))
        {
            var named = ServiceMatcher.FindAll(text, tenant);
            return tenant.Faq.FirstOrDefault(f => f.Topic.Contains("price", StringComparison.OrdinalIgnoreCase) && named.Any(s => PriceTopicOf(f, s)));
        }

        // "where's the shop", "what street are you on": the shop's own address answer, whatever its keywords.
        return IntentWords.Address().IsMatch(text)
            ? tenant.Faq.FirstOrDefault(f => f.Topic.Contains("address", StringComparison.OrdinalIgnoreCase))
            : null;
    }

    private static CallerIntent ClassifyRequest(string text, TenantProfile tenant)
    {
        // A request for another language first: "can I talk to someone in Spanish" needs the honest English-only
        // answer before any transfer. Spanish words alone ("hola", "por favor") count only when nothing else is
        // understood: "hola, I need an oil change" is a booking.
        if (IntentWords.OtherLanguage().IsMatch(text))
        {
            return CallerIntent.OtherLanguage;
        }

        // A message first: "can I leave a message for the manager" is for a person, not a transfer.
        if (IntentWords.LeaveMessage().IsMatch(text))
        {
            return CallerIntent.LeaveMessage;
        }

        var service = ServiceMatcher.Find(text, tenant);
        if (AsksForPerson(text, service) || FindDepartment(text, tenant, requireRequest: true) is not null || AsksForDesk(text, tenant))
        {
            return CallerIntent.Transfer;
        }

        // "is my car ready?"; "will it be done by noon if I bring it in at 9" asks to book.
        if (IntentWords.JobStatus().IsMatch(text) && !IntentWords.BookVerb().IsMatch(text))
        {
            return CallerIntent.JobStatus;
        }

        if (IntentWords.TextMessage().IsMatch(text) && (service is null || !IntentWords.Book().IsMatch(text)))
        {
            return CallerIntent.TextMessage;
        }

        // "walk-in" or "without an appointment" always; "can I just drop by" only when no service is named
        // ("can I just come in Friday for an oil change" is a booking).
        if (IntentWords.WalkIn().IsMatch(text) || (service is null && IntentWords.DropBy().IsMatch(text)))
        {
            return CallerIntent.WalkIn;
        }

        return ClassifyTask(text, tenant, service);
    }

    private static CallerIntent ClassifyTask(string text, TenantProfile tenant, ServiceOffering? service)
    {
        if (IntentWords.Cancel().IsMatch(text))
        {
            return CallerIntent.Cancel;
        }

        if (IntentWords.Reschedule().IsMatch(text))
        {
            return CallerIntent.Reschedule;
        }

        if (IntentWords.List().IsMatch(text))
        {
            return CallerIntent.ListAppointments;
        }

        if (FindFaq(text, tenant) is not null)
        {
            return CallerIntent.Faq;
        }

        // "how much is that", "what's a tire rotation gonna cost me": a price, of the service named or the one in focus;
        // "how much would it cost to book a diagnostic" is a booking.
        if (IntentWords.Price().IsMatch(text) && !IntentWords.BookVerb().IsMatch(text))
        {
            return CallerIntent.Price;
        }

        if (IntentWords.Book().IsMatch(text) || service is not null)
        {
            return CallerIntent.Book;
        }

        if (IntentWords.Hours().IsMatch(text))
        {
            return CallerIntent.Hours;
        }

        if (IntentWords.Goodbye().IsMatch(text))
        {
            return CallerIntent.Goodbye;
        }

        if (IntentWords.Thanks().IsMatch(text) || (IntentWords.Acknowledgement().IsMatch(text) && !SaysDayOrTime(text)))
        {
            return CallerIntent.Thanks;
        }

        return IntentWords.Spanish().IsMatch(text) ? CallerIntent.OtherLanguage : CallerIntent.Unknown;
    }

    /// <summary>
    /// "representative" asks for a person on its own; "someone" does with a request to talk ("can someone look at my
    /// brakes" is a booking), with "can I get" when no service is named, or as a short answer ("a person, please").
    /// </summary>
    private static bool AsksForPerson(string text, ServiceOffering? service) =>
        IntentWords.StrongTransfer().IsMatch(text)
        || (IntentWords.Person().IsMatch(text)
            && (IntentWords.Talk().IsMatch(text) || IsShortAnswer(text) || (service is null && IntentWords.Request().IsMatch(text))));

    /// <summary>
    /// "talk to the front desk", "the service department please": the default department by a name of two words or
    /// more, or one of its names followed by "department".
    /// </summary>
    private static bool AsksForDesk(string text, TenantProfile tenant) =>
        (IntentWords.Request().IsMatch(text) || IsShortAnswer(text))
        && tenant.DefaultTransferTarget is { } desk
        && desk.Keywords.Append(desk.Department).Any(k =>
            (k.Contains(' ', StringComparison.Ordinal) && Phrases.ContainsPhrase(text, k)) || Phrases.ContainsPhrase(text, $"{k} department"));

    /// <summary>
    /// Whether what follows a "never mind" is a request of its own: anything but thanks, goodbye or nothing, and not a
    /// bare service ("never mind the oil change" drops it); a day or time said is a new answer too ("scratch that, 3 pm").
    /// </summary>
    private static bool StatesSomethingNew(string rest, CallerIntent after)
    {
        if (SaysDayOrTime(rest))
        {
            return true;
        }

        return after switch
        {
            CallerIntent.Unknown or CallerIntent.Thanks or CallerIntent.Goodbye => false,
            CallerIntent.Book => IntentWords.Book().IsMatch(rest) || IntentWords.WantsService().IsMatch(rest),
            _ => true,
        };
    }

    private static bool SaysDayOrTime(string text) => DateTimePhraseParser.Parse(text, AnyDay) is not null;

    /// <summary>Four words or fewer once fillers are dropped: "a person please", "parts".</summary>
    private static bool IsShortAnswer(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => !IntentWords.IsFiller(w)) <= 4;

    /// <summary>"oil change price" is the price answer for the oil change.</summary>
    private static bool PriceTopicOf(FaqAnswer answer, ServiceOffering service) =>
        answer.Topic.StartsWith(service.Name, StringComparison.OrdinalIgnoreCase);
}
