using System.Xml.Linq;
using VoiceAgent.WebPubSubHost.Speech.Azure;

namespace VoiceAgent.WebPubSubHost.Tests.Speech;

/// <summary>The SSML document: a model's reply is spoken as words, never read as markup, and never breaks the XML.</summary>
public sealed class SsmlTests
{
    [Fact]
    public void For_TextWithMarkupAndEntities_KeepsItAsTheVoicesText()
    {
        const string text = "</voice><voice name='evil'>& &amp; \"quoted\" 'single'";

        var document = XDocument.Parse(Ssml.For(text, new SpeechVoice("en-US", "en-US-JennyNeural")));

        var voice = Assert.Single(document.Root!.Elements());
        Assert.Equal(text, voice.Value);
        Assert.Equal("en-US-JennyNeural", (string?)voice.Attribute("name"));
        Assert.Equal("en-US", (string?)document.Root.Attribute(XNamespace.Xml + "lang"));
        Assert.Equal(Ssml.Namespace, document.Root.Name.Namespace);
    }

    [Fact]
    public void For_CharactersXmlCannotCarry_DropsThemAndKeepsEmoji()
    {
        var document = XDocument.Parse(Ssml.For("ok\u0001\u0007 \uD83D\uDE97 fine\uFFFF", new SpeechVoice("en-US", "en-US-JennyNeural")));

        Assert.Equal("ok \uD83D\uDE97 fine", document.Root!.Value);
    }
}
