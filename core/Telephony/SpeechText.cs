using System.Text;
using System.Xml;

namespace VoiceAgent.Core.Telephony;

/// <summary>
/// Text to be spoken, made safe for TwiML: characters XML cannot carry (control characters from a model or a
/// transcript) are dropped, since Twilio's TwiML writer throws on them and the caller must still hear the reply.
/// </summary>
public static class SpeechText
{
    public static string XmlSafe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? safe = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe?.Append(text, i, 2);
                i++;
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                safe?.Append(text[i]);
            }
            else
            {
                safe ??= new StringBuilder(text.Length).Append(text, 0, i);
            }
        }

        return safe?.ToString() ?? text;
    }
}
