namespace VoiceAgent.Core.Conversation.Offline;

/// <summary>"the first one", "the second", "the last": picks from options read out to the caller.</summary>
internal static class Ordinals
{
    private static readonly string[] Words = ["first", "second", "third"];

    /// <summary>The index of the option named among <paramref name="count"/> read out, or null.</summary>
    public static int? Index(string utterance, int count)
    {
        if (count == 0)
        {
            return null;
        }

        var text = IntentClassifier.Normalise(utterance);
        for (var i = 0; i < Math.Min(Words.Length, count); i++)
        {
            if (IntentClassifier.ContainsPhrase(text, Words[i]))
            {
                return i;
            }
        }

        if (IntentClassifier.ContainsPhrase(text, "last") || IntentClassifier.ContainsPhrase(text, "latest"))
        {
            return count - 1;
        }

        return IntentClassifier.ContainsPhrase(text, "earliest") ? 0 : null;
    }
}
