namespace VoiceAgent.Core.Conversation.Understanding;

/// <summary>
/// One word or number of an utterance: normalised text plus its place in the original string. <paramref name="AfterPause"/>
/// is true when punctuation (a comma, full stop, dash…) separates it from the token before.
/// </summary>
internal readonly record struct PhraseToken(string Text, int Start, int End, bool AfterPause = false)
{
    public bool IsDigits => Text.Length > 0 && Text.All(char.IsAsciiDigit);

    public bool Is(string text) => Text == text;

    public bool IsAny(params ReadOnlySpan<string> texts)
    {
        foreach (var t in texts)
        {
            if (Text == t)
            {
                return true;
            }
        }

        return false;
    }
}
