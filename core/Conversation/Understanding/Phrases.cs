using System.Text.RegularExpressions;

namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>
/// Word-level text helpers every rule shares (<see cref="Normalise"/>, whole-phrase search), and the cues the dialog
/// engine asks about in one place: adding a service, asking for something instead, pointing back at what was said,
/// "the other one", and "the earliest you have". Deterministic; no model.
/// </summary>
public static partial class Phrases
{
    private static readonly string[] OtherOnePhrases = ["other", "another", "different one", "wrong one", "not that one", "not this one"];

    private static readonly string[] EarliestPhrases =
    [
        "earliest", "soonest", "as soon as possible", "asap", "next available", "first available", "next opening",
        "first opening", "whenever", "any day", "anytime", "any time", "first thing you have", "whatever you have first",
        "whatevers first", "whatever is first", "whatevers open", "first one you have", "earliest one", "first you have",
    ];

    /// <summary>Lower case, apostrophes dropped, punctuation to spaces, single spaces.</summary>
    public static string Normalise(string utterance)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        var lower = utterance.ToLowerInvariant().Replace("'", string.Empty, StringComparison.Ordinal).Replace("’", string.Empty, StringComparison.Ordinal);
        return Spaces().Replace(NonWord().Replace(lower, " "), " ").Trim();
    }

    /// <summary>Whether <paramref name="phrase"/> occurs as whole words in already normalised text.</summary>
    public static bool ContainsPhrase(string normalisedText, string phrase) => PhrasePosition(normalisedText, phrase) >= 0;

    /// <summary>Where a whole-word phrase starts in normalised text, or -1.</summary>
    public static int PhrasePosition(string normalisedText, string phrase)
    {
        var match = Regex.Match(normalisedText, $@"\b{Regex.Escape(Normalise(phrase))}\b", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(1000));
        return match.Success ? match.Index : -1;
    }

    /// <summary>
    /// The caller adds to what is already planned: "and an oil change too", "also a tire rotation", "while you're at
    /// it", "plus the brakes", "can you add a rotation". "too early" and "another day" add nothing.
    /// </summary>
    public static bool Adds(string utterance) => AddsWords().IsMatch(Normalise(utterance));

    /// <summary>
    /// The caller wants something in place of what was said: "instead", "make it 3", "make that Thursday",
    /// "change it to", "how about", "can we do", "what about", "rather". "I can't make it" is not one.
    /// </summary>
    public static bool Instead(string utterance) => InsteadWords().IsMatch(Normalise(utterance));

    /// <summary>
    /// The caller points back at something already in the conversation: "that", "it", "this one", "that one",
    /// "the appointment", "the same". The engine resolves what it means (the service or appointment in focus).
    /// </summary>
    public static bool RefersBack(string utterance) => ReferenceWords().IsMatch(Normalise(utterance));

    /// <summary>"the other one", "no, a different one", "wrong one": not the appointment just read back.</summary>
    public static bool OtherOne(string utterance)
    {
        var text = Normalise(utterance);
        return OtherOnePhrases.Any(p => ContainsPhrase(text, p));
    }

    /// <summary>"the earliest", "as soon as possible", "next available", "whenever you can".</summary>
    public static bool AsksForEarliest(string utterance)
    {
        var text = Normalise(utterance);
        return EarliestPhrases.Any(p => ContainsPhrase(text, p));
    }

    [GeneratedRegex(@"\b(also|as well|plus|in addition|on top of that|while (youre|you are|youve got it|its|im|i am) (at it|there|in)|add|add on|throw in|too(?! (early|late|soon|much|far|bad|long|busy|expensive|many|close|tight|quick|fast))|one more|another(?! (day|time|date|week|morning|afternoon|evening|slot|option|opening|place|shop))|and (a|an) )\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AddsWords();

    [GeneratedRegex(@"\b(instead|rather|(?<!\b(cant|cannot|not|wont|couldnt|wouldnt|never|can|could|should|ill|will|to|gonna|able) )make (it|that)|change (it|that|this) to|switch (it|that|this) to|how about|what about|can we do|could we do|can we try|lets do|lets try|i meant)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex InsteadWords();

    [GeneratedRegex(@"\b(that|it|this one|that one|the one|those|them|this appointment|that appointment|the appointment|the booking|the same|same (one|time|day|thing))\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ReferenceWords();

    [GeneratedRegex(@"[^a-z0-9:$.]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
