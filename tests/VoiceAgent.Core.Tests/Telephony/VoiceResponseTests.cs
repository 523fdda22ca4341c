using System.Xml.Linq;
using VoiceAgent.Core.Telephony.Twiml;

namespace VoiceAgent.Core.Tests.Telephony;

public sealed class VoiceResponseTests
{
    [Fact]
    public void Say_TextWithControlCharacters_StillRendersValidXml()
    {
        var xml = new VoiceResponse().Say("Hello\u0001 there\u0000").ToString();

        Assert.Equal("Hello there", XDocument.Parse(xml).Root!.Element("Say")!.Value);
    }

    [Fact]
    public void Say_TextWithEmoji_KeepsIt()
    {
        var xml = new VoiceResponse().Say("See you soon 🚗").ToString();

        Assert.Equal("See you soon 🚗", XDocument.Parse(xml).Root!.Element("Say")!.Value);
    }
}
