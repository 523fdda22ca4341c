namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>
/// Finds dates and times the caller rules out: "not Friday", "not at 10", "can't do Monday", "instead of Tuesday",
/// "rather than 3". Only words before the phrase count; "Friday won't work" is not seen.
/// </summary>
internal static class Negation
{
    // "since Monday" is when something started, not a day the caller wants.
    private static readonly string[] Negators = ["not", "cant", "cannot", "isnt", "wont", "nor", "except", "couldnt", "since"];

    // "I won't be able to make it Friday", "I'm not gonna make it today"
    private static readonly string[] Skippable =
    [
        "on", "at", "this", "the", "for", "it", "make", "do", "come", "in", "next", "by", "around", "gonna", "going", "to",
        "be", "able",
    ];

    public static bool IsNegated(IReadOnlyList<PhraseToken> t, int i)
    {
        for (var k = i - 1; k >= 0 && k >= i - 8; k--)
        {
            if (t[k].IsAny(Negators)
                || (t[k].Is("of") && k > 0 && t[k - 1].Is("instead"))
                || (t[k].Is("than") && k > 0 && t[k - 1].Is("rather")))
            {
                return true;
            }

            if (!t[k].IsAny(Skippable))
            {
                return false;
            }
        }

        return false;
    }
}
