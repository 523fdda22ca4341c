using System.Text.RegularExpressions;

namespace VoiceAgent.Conformance.Tests.Infrastructure;

/// <summary>
/// The TwiML attribute names the official library declares (<c>interface &lt;Element&gt;Attributes</c> in
/// <c>node_modules/twilio/lib/twiml/VoiceResponse.d.ts</c>), unioned over every nesting context of the element.
/// </summary>
internal static partial class TwilioTypings
{
    private static readonly Lazy<string> Declarations = new(() =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "node_modules", "twilio", "lib", "twiml", "VoiceResponse.d.ts")));

    public static IReadOnlySet<string> AttributeNames(string element)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match block in InterfaceBlock().Matches(Declarations.Value))
        {
            if (block.Groups["element"].Value == element)
            {
                names.UnionWith(Member().Matches(block.Groups["body"].Value).Select(m => m.Groups["name"].Value));
            }
        }

        return names;
    }

    [GeneratedRegex(@"interface (?<element>\w+)Attributes \{(?<body>[^}]*)\}")]
    private static partial Regex InterfaceBlock();

    [GeneratedRegex(@"^\s*(?<name>\w+)\?:", RegexOptions.Multiline)]
    private static partial Regex Member();
}
