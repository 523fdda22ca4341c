namespace VoiceAgent.Core.Messaging;

/// <summary>
/// Twilio's default messaging keywords (Advanced Opt-Out defaults). Twilio acts on them itself on a long code, so
/// classifying a text the same way keeps our opt-out list in step with what Twilio will block. A keyword counts when it
/// is the whole message, in any case, with surrounding spaces and punctuation ignored.
/// </summary>
public static class SmsKeywords
{
    public static IReadOnlyList<string> OptOut { get; } = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"];

    public static IReadOnlyList<string> OptIn { get; } = ["START", "YES", "UNSTOP"];

    public static IReadOnlyList<string> Help { get; } = ["HELP", "INFO"];

    public static SmsKeyword Classify(string? body)
    {
        var word = (body ?? string.Empty).Trim().Trim('.', '!', '?', ',', ';', ':', '"', '\'').Trim();
        if (word.Length == 0)
        {
            return SmsKeyword.None;
        }

        return Matches(OptOut, word) ? SmsKeyword.OptOut
            : Matches(OptIn, word) ? SmsKeyword.OptIn
            : Matches(Help, word) ? SmsKeyword.Help
            : SmsKeyword.None;
    }

    private static bool Matches(IReadOnlyList<string> keywords, string word) =>
        keywords.Any(k => string.Equals(k, word, StringComparison.OrdinalIgnoreCase));
}
