using System.Globalization;
using System.Xml.Linq;

namespace VoiceAgent.Core.Telephony.Twiml;

internal static class TwimlVerbs
{
    public static XElement Say(string text, SayOptions? options)
    {
        ArgumentNullException.ThrowIfNull(text);
        var say = new XElement("Say", text);
        AddAttribute(say, "voice", options?.Voice);
        AddAttribute(say, "language", options?.Language);
        AddAttribute(say, "loop", options?.Loop);
        return say;
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
