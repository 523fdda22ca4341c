using System.Xml.Linq;
using Twilio.TwiML;
using VoiceAgent.Core.Telephony;

namespace VoiceAgent.Core.Tests.Telephony;

public sealed class SpeechTextTests
{
    [Fact]
    public void TwilioVoiceResponse_SayWithControlCharacter_ThrowsWhenWritten()
    {
        // Why SpeechText exists: Twilio's TwiML writer refuses characters XML cannot carry, and a webhook must still answer TwiML.
        var response = new VoiceResponse().Say("a\u0001b");

        Assert.Throws<ArgumentException>(() => response.ToString());
    }

    [Fact]
    public void TwilioVoiceResponse_SayWithXmlSafeText_Writes()
    {
        var xml = new VoiceResponse().Say(SpeechText.XmlSafe("a\u0001b")).ToString();

        Assert.Equal("ab", XDocument.Parse(xml).Root!.Element("Say")!.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Your car is ready.")]
    [InlineData("Tabs\tnew\nlines\r and returns")]
    [InlineData("café 日本語 \uFF5E \u00A0 \u200D")]
    [InlineData("emoji \U0001F697\U0001F4DE")]
    [InlineData("<tags> & \"quotes\" 'apostrophes'")]
    [InlineData("\uE000 private use, \uFFFD replacement")]
    public void XmlSafe_TextXmlCanCarry_ReturnsTheSameInstance(string text) =>
        Assert.Same(text, SpeechText.XmlSafe(text));

    [Theory]
    [InlineData("a\u0000b", "ab")]
    [InlineData("a\u0001b", "ab")]
    [InlineData("a\u0008b", "ab")]
    [InlineData("a\u000Bb\u000Cc", "abc")]
    [InlineData("a\u001Bb", "ab")]
    [InlineData("a\u001Fb", "ab")]
    [InlineData("a\uFFFEb\uFFFF", "ab")]
    [InlineData("\u0001\u0002\u0003", "")]
    public void XmlSafe_ControlCharacters_AreDropped(string text, string expected) =>
        Assert.Equal(expected, SpeechText.XmlSafe(text));

    // Lone surrogates cannot sit in attribute arguments (metadata stores them as U+FFFD), so this data is built in code and
    // enumerated at run time.
    public static TheoryData<string, string> LoneSurrogates => new()
    {
        { "a\uD83Db", "ab" },
        { "a\uDE97b", "ab" },
        { "end\uD83D", "end" },
        { "\uDE97start", "start" },
        { "\uDE97\uD83D", "" },
        { "\uD83D\uD83D\uDE97", "\uD83D\uDE97" },
    };

    [Theory]
    [MemberData(nameof(LoneSurrogates), DisableDiscoveryEnumeration = true)]
    public void XmlSafe_LoneSurrogates_AreDroppedAndPairsKept(string text, string expected) =>
        Assert.Equal(expected, SpeechText.XmlSafe(text));

    [Fact]
    public void XmlSafe_MixedTextAndIllegalCharacters_KeepsEveryLegalCharacterInOrder() =>
        Assert.Equal("Hi 🚗, see you\r\nat 9:00 ~", SpeechText.XmlSafe("\u0001Hi 🚗,\u0008 see you\r\nat 9:00\u001B ~\uD800"));

    [Fact]
    public void XmlSafe_Null_Throws() =>
        Assert.Throws<ArgumentNullException>(() => SpeechText.XmlSafe(null!));
}
