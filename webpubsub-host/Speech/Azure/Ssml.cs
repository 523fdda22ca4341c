using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace VoiceAgent.WebPubSubHost.Speech.Azure;

/// <summary>
/// The SSML document text-to-speech takes: one voice speaking the text as plain words. The text is the model's reply,
/// so it is escaped (an <c>&amp;</c> or <c>&lt;</c> must be spoken, not break the document or inject markup) and stripped of
/// characters XML cannot carry.
/// </summary>
public static class Ssml
{
    public static readonly XNamespace Namespace = "http://www.w3.org/2001/10/synthesis";

    public static string For(string text, SpeechVoice voice)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(voice);
        var speak = new XElement(
            Namespace + "speak",
            new XAttribute("version", "1.0"),
            new XAttribute(XNamespace.Xml + "lang", voice.Language),
            new XElement(Namespace + "voice", new XAttribute("name", voice.Name), XmlCharacters(text)));
        return speak.ToString(SaveOptions.DisableFormatting);
    }

    private static string XmlCharacters(string text)
    {
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                kept.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                kept.Append(text[i]).Append(text[i + 1]);
                i++;
            }
        }

        return kept.ToString();
    }
}
