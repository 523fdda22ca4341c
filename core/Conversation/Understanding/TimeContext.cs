namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>
/// Decides whether a bare number is a clock time. "2" is a time after "at", "around", "make it", "change it to",
/// before "then"/"instead", right after a date ("tomorrow 9"), or when it is all the caller said ("eleven").
/// Numbers next to other numbers (PINs "4 3 2 1", phone numbers) never are.
/// </summary>
internal static class TimeContext
{
    private static readonly string[] CuesBefore =
    [
        "at", "around", "about", "approximately", "roughly", "by", "after", "before", "until", "till", "til", "say",
        "maybe", "from", "between", "sometime", "do", "try", "or", "meant", "mean", "not", "like", "than",
    ];

    // "change it to 3", "push it back to 3", "bump me up to 9"
    private static readonly string[] VerbsBeforeTo = ["it", "that", "change", "move", "switch", "push", "bump", "changed", "moved", "them", "back", "up", "over", "me", "shift"];

    private static readonly string[] CuesAfter = ["then", "instead", "rather", "not", "sharp", "ish", "please", "today", "tomorrow", "tonight", "this", "works", "ok", "okay"];

    private static readonly string[] Determiners = ["the", "that", "this", "which", "other", "first", "second", "third", "last", "a", "an", "each", "every", "any", "same"];

    private static readonly string[] Fillers =
    [
        "ok", "okay", "um", "uh", "er", "so", "then", "please", "lets", "say", "just", "maybe", "how", "about", "what",
        "at", "yes", "yeah", "well", "hmm", "sure", "instead", "actually", "no", "make", "it", "that", "try", "do",
        "can", "we", "i", "guess", "around", "oh", "and", "or", "is", "good", "fine", "works", "sorry", "meant",
    ];

    public static bool Accepts(IReadOnlyList<PhraseToken> t, TimeMatch match, bool followsDate)
    {
        // "five five five oh one": a number read out digit by digit, not "five oh one".
        if (match.Meridiem == Meridiem.None && match.First > 0 && !t[match.First].AfterPause && IsNumberWord(t, match.First - 1))
        {
            return false;
        }

        if (match.Evidence == TimeEvidence.Strong)
        {
            return true;
        }

        // "that one", "the other one", "the Friday one": a choice, not 1 pm.
        if (t[match.First].Is("one") && match.First > 0 && (t[match.First - 1].IsAny(Determiners) || CalendarWords.IsWeekday(t[match.First - 1])))
        {
            return false;
        }

        var next = match.Last + 1;
        var before = followsDate || CuedBefore(t, match.First);
        var after = next < t.Count && (t[next].IsAny(CuesAfter) || CalendarWords.IsWeekday(t[next]));
        var alone = OnlyFillersOutside(t, match.First, match.Last);
        if (match.Evidence == TimeEvidence.NeedsCueAndEnd)
        {
            return alone || (before && (next >= t.Count || after));
        }

        var digitsAround = (match.First > 0 && t[match.First - 1].IsDigits && !t[match.First].AfterPause)
            || (next < t.Count && t[next].IsDigits && !t[next].AfterPause);
        return !digitsAround && (before || after || alone);
    }

    /// <summary>Whether the words before the time make it a bound: "after 2", "by 5", "not before 10", "no later than 4".</summary>
    public static TimeRelation Relation(IReadOnlyList<PhraseToken> t, int first)
    {
        var k = first - 1;
        if (k < 0)
        {
            return TimeRelation.At;
        }

        var relation = t[k].Text switch
        {
            "after" or "from" or "between" or "past" => TimeRelation.NotBefore,
            "before" or "by" or "until" or "till" or "til" => TimeRelation.NotAfter,
            "than" when k > 0 && t[k - 1].Is("later") => k > 1 && t[k - 2].Is("no") ? TimeRelation.NotAfter : TimeRelation.NotBefore,
            "than" when k > 0 && t[k - 1].Is("earlier") => k > 1 && t[k - 2].Is("no") ? TimeRelation.NotBefore : TimeRelation.NotAfter,
            _ => TimeRelation.At,
        };
        var negated = k > 0 && t[k - 1].IsAny("not", "nothing", "never");
        return (relation, negated) switch
        {
            (TimeRelation.NotBefore, true) => TimeRelation.NotAfter,
            (TimeRelation.NotAfter, true) => TimeRelation.NotBefore,
            _ => relation,
        };
    }

    // A spoken digit: "five", "zero", or the "oh" of "five oh one".
    private static bool IsNumberWord(IReadOnlyList<PhraseToken> t, int i) =>
        !t[i].IsDigits && (NumberWords.TryCardinalWords(t, i, out _, out _) || (t[i].IsAny("oh", "o") && i > 0 && IsNumberWord(t, i - 1)));

    private static bool CuedBefore(IReadOnlyList<PhraseToken> t, int i)
    {
        if (i == 0)
        {
            return false;
        }

        var previous = t[i - 1];
        var beforeThat = i > 1 ? t[i - 2] : default;
        return previous.IsAny(CuesBefore)
            || (previous.IsAny("it", "that") && beforeThat.IsAny("make", "makes"))
            || (previous.Is("to") && beforeThat.IsAny(VerbsBeforeTo));
    }

    private static bool OnlyFillersOutside(IReadOnlyList<PhraseToken> t, int first, int last)
    {
        for (var k = 0; k < t.Count; k++)
        {
            if ((k < first || k > last) && !t[k].IsAny(Fillers))
            {
                return false;
            }
        }

        return true;
    }
}
