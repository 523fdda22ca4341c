using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace VoiceAgent.Core.Telephony.Twiml;

internal static class TwimlVerbs
{
    public static XElement Say(string text, SayOptions? options)
    {
        ArgumentNullException.ThrowIfNull(text);
        var say = new XElement("Say", XmlSafe(text));
        AddAttribute(say, "voice", options?.Voice);
        AddAttribute(say, "language", options?.Language);
        AddAttribute(say, "loop", options?.Loop);
        return say;
    }

    /// <summary>Drops characters XML cannot carry (control characters from a model or a transcript), so the document always renders.</summary>
    public static string XmlSafe(string text)
    {
        var safe = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe.Append(text, i, 2);
                i++;
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
        }

        return safe.Length == text.Length ? text : safe.ToString();
    }

    public static XElement Pause(int seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seconds);
        return new XElement("Pause", new XAttribute("length", seconds.ToString(CultureInfo.InvariantCulture)));
    }

    public static XElement Play(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        return new XElement("Play", url);
    }

    public static void AddAttribute(XElement element, string name, string? value)
    {
        if (value is not null)
        {
            element.SetAttributeValue(name, value);
        }
    }

    public static void AddAttribute(XElement element, string name, int? value)
    {
        if (value is { } number)
        {
            element.SetAttributeValue(name, number.ToString(CultureInfo.InvariantCulture));
        }
    }

    public static void AddAttribute(XElement element, string name, bool? value)
    {
        if (value is { } flag)
        {
            element.SetAttributeValue(name, flag ? "true" : "false");
        }
    }
}
