using System.Text.RegularExpressions;

namespace VoiceAgent.OpenAiStandIn;

/// <summary>The one way script patterns become regexes: culture-invariant, with a match timeout so a bad pattern cannot hang a request.</summary>
internal static class Patterns
{
    public static Regex Create(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
