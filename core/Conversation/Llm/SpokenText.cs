using System.Text.RegularExpressions;

namespace VoiceAgent.Core.Conversation.Llm;

/// <summary>
/// Text the model wrote, made fit to be spoken: markdown emphasis, headings and list markers removed, lines joined. The
/// prompt asks for plain speech; this catches the model's habits.
/// </summary>
public static partial class SpokenText
{
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n').Select(l => ListMarker().Replace(l.Trim(), string.Empty)).Where(l => l.Length > 0);
        var joined = string.Join(' ', lines);
        joined = Emphasis().Replace(joined, string.Empty);
        return Spaces().Replace(joined, " ").Trim();
    }

    [GeneratedRegex(@"^(?:#{1,6}\s+|[-*•]\s+|\d+[.)]\s+)")]
    private static partial Regex ListMarker();

    /// <summary>Asterisks, backticks and hashes; underscores only at a word's edge, so <c>snake_case</c> stays whole.</summary>
    [GeneratedRegex(@"[*`#]{1,3}|(?<![A-Za-z0-9])_{1,2}|_{1,2}(?![A-Za-z0-9])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
