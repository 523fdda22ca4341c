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

    private static readonly string[] VerbsBeforeTo = ["it", "that", "change", "move", "switch", "push", "bump", "changed", "moved", "them"];

    private static readonly string[] CuesAfter = ["then", "instead", "rather", "not", "sharp", "ish", "please", "today", "tomorrow", "tonight", "this", "works", "ok", "okay"];

    private static readonly string[] Fillers =
    [
        "ok", "okay", "um", "uh", "er", "so", "then", "please", "lets", "say", "just", "maybe", "how", "about", "what",
        "at", "yes", "yeah", "well", "hmm", "sure", "instead", "actually", "no", "make", "it", "that", "try", "do",
        "can", "we", "i", "guess", "around", "oh", "and", "or", "is", "good", "fine", "works", "sorry", "meant",
    ];

    public static bool Accepts(IReadOnlyList<PhraseToken> t, TimeMatch match, bool followsDate)
    {
        if (match.Evidence == TimeEvidence.Strong)
        {
            return true;
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
