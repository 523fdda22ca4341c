using VoiceAgent.Core.Conversation.Understanding;

namespace VoiceAgent.Core.Conversation.Offline;

/// <summary>"the first one", "the second", "the last", "the later one": picks from options read out to the caller, in the order read (by time).</summary>
internal static class Ordinals
{
    private static readonly string[][] Words = [["first", "1st", "earlier one", "earlier appointment", "sooner one", "former"], ["second", "2nd"], ["third", "3rd"], ["fourth", "4th"]];

    private static readonly string[] LastWords = ["last", "latest", "later one", "later appointment", "latter"];

    /// <summary>The index of the option named among <paramref name="count"/> read out, or null.</summary>
    public static int? Index(string utterance, int count)
    {
        if (count == 0)
        {
            return null;
        }

        var text = Phrases.Normalise(utterance);
        for (var i = 0; i < Math.Min(Words.Length, count); i++)
        {
            if (Words[i].Any(word => Phrases.ContainsPhrase(text, word)))
            {
                return i;
            }
        }

        if (LastWords.Any(word => Phrases.ContainsPhrase(text, word)))
        {
            return count - 1;
        }

        return Phrases.ContainsPhrase(text, "earliest") ? 0 : null;
    }
}
