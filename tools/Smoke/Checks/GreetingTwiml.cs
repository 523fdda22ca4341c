using System.Xml;
using System.Xml.Linq;

namespace VoiceAgent.Smoke.Checks;

/// <summary>
/// Reads the incoming webhook's answer as a caller would hear it: valid TwiML whose <c>&lt;Gather&gt;</c> listens for
/// speech and says something is a greeting; a <c>&lt;Hangup&gt;</c> or <c>&lt;Dial&gt;</c> without one is the apology fallback
/// or the "not set up" answer, which a healthy deployment never gives the shop's number.
/// </summary>
public static class GreetingTwiml
{
    /// <summary>Null when <paramref name="xml"/> greets (its spoken words in <paramref name="words"/>), else what is wrong with it.</summary>
    public static string? Problem(string xml, out string words)
    {
        words = string.Empty;
        XDocument document;
        try
        {
            document = XDocument.Parse(xml);
        }
        catch (XmlException ex)
        {
            return $"not XML ({ex.Message})";
        }

        if (document.Root is not { Name.LocalName: "Response" } response)
        {
            return $"not TwiML: the root is <{document.Root?.Name.LocalName}>, not <Response>";
        }

        var spoken = string.Join(' ', response.Descendants("Say").Select(s => s.Value.Trim()).Where(s => s.Length > 0));
        words = spoken;
        var gather = response.Elements("Gather").FirstOrDefault();
        if (gather is null)
        {
            var ending = response.Elements("Dial").Any() ? "a transfer (<Dial>)" : response.Elements("Hangup").Any() ? "a hang-up" : "no <Gather>";
            return $"not a greeting: {ending} after \"{Shorten(spoken)}\" (the apology fallback, or the number is no tenant's)";
        }

        if (!((string?)gather.Attribute("input") ?? "dtmf").Split(' ').Contains("speech", StringComparer.Ordinal))
        {
            return "the <Gather> does not listen for speech";
        }

        return spoken.Length == 0 ? "the <Gather> says nothing" : null;
    }

    public static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}
