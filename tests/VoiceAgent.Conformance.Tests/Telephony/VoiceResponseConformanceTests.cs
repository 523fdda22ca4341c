using System.Text.Json.Nodes;
using System.Xml.Linq;
using VoiceAgent.Conformance.Tests.Infrastructure;
using VoiceAgent.Core.Telephony.Twiml;
using static VoiceAgent.Conformance.Tests.Infrastructure.LibraryCall;

namespace VoiceAgent.Conformance.Tests.Telephony;

/// <summary>
/// The TwiML our <see cref="VoiceResponse"/> emits, compared as XML with what the official library's
/// <c>twilio.twiml.VoiceResponse</c> emits for the same input; every attribute we emit must also be one the library declares.
/// </summary>
public sealed class VoiceResponseConformanceTests
{
    private const string TurnUrl = "https://voice.example.com/api/voice/turn?tenant=demo&turn=2";

    [Fact]
    public async Task Say_WithVoiceLanguageAndLoop_MatchesOfficialLibrary() =>
        await AssertEquivalentAsync(
            new VoiceResponse().Say("Thanks for calling Main Street Auto.", new SayOptions("Polly.Joanna-Neural", "en-US", 2)),
            Document(Of("say", new JsonObject { ["voice"] = "Polly.Joanna-Neural", ["language"] = "en-US", ["loop"] = 2 }, "Thanks for calling Main Street Auto.")));

    [Fact]
    public async Task Say_TextNeedingEscapes_MatchesOfficialLibrary()
    {
        const string text = "Tom & Jerry's <garage> \"open\" 8–5, caf\u00e9 \U0001F697";

        await AssertEquivalentAsync(new VoiceResponse().Say(text), Document(Of("say", text: text)));
    }

    [Fact]
    public async Task Say_TextWithLineBreaksAndTabs_MatchesOfficialLibrary()
    {
        const string text = "Line one.\r\nLine two.\rLine three.\n\tIndented.";

        await AssertEquivalentAsync(new VoiceResponse().Say(text), Document(Of("say", text: text)));
    }

    [Fact]
    public async Task ConnectStream_ParameterValueWithLineBreaksAndTabs_MatchesOfficialLibrary() =>
        await AssertEquivalentAsync(
            new VoiceResponse().ConnectStream("wss://voice.example.com/media-stream", new Dictionary<string, string> { ["note"] = "a\r\nb\tc\rd" }),
            Document(Of(
                "connect",
                children: Of(
                    "stream",
                    new JsonObject { ["url"] = "wss://voice.example.com/media-stream" },
                    null,
                    Of("parameter", new JsonObject { ["name"] = "note", ["value"] = "a\r\nb\tc\rd" })))));

    [Fact]
    public async Task Say_LoopZero_MatchesOfficialLibrary() =>
        await AssertEquivalentAsync(
            new VoiceResponse().Say("Please hold.", new SayOptions(Loop: 0)),
            Document(Of("say", new JsonObject { ["loop"] = 0 }, "Please hold.")));

    [Fact]
    public async Task Gather_AllOptionsWithNestedSayAndPause_MatchesOfficialLibrary()
    {
        var options = new GatherOptions
        {
            Action = TurnUrl,
            Method = "POST",
            Input = "dtmf speech",
            TimeoutSeconds = 6,
            SpeechTimeout = "auto",
            SpeechModel = "phone_call",
            Language = "en-GB",
            Hints = "oil change, brakes, $OOV_CLASS_ALPHANUMERIC_SEQUENCE",
            NumDigits = 4,
            FinishOnKey = "#",
            ActionOnEmptyResult = true,
        };
        var ours = new VoiceResponse().Gather(options, prompt => prompt
            .Say("What can I help you with?", new SayOptions("Polly.Amy", "en-GB"))
            .Pause(2)
            .Say("You can also press 1 for bookings."));

        await AssertEquivalentAsync(ours, Document(
            Of(
                "gather",
                new JsonObject
                {
                    ["action"] = TurnUrl,
                    ["method"] = "POST",
                    ["input"] = new JsonArray("dtmf", "speech"),
                    ["timeout"] = 6,
                    ["speechTimeout"] = "auto",
                    ["speechModel"] = "phone_call",
                    ["language"] = "en-GB",
                    ["hints"] = "oil change, brakes, $OOV_CLASS_ALPHANUMERIC_SEQUENCE",
                    ["numDigits"] = 4,
                    ["finishOnKey"] = "#",
                    ["actionOnEmptyResult"] = true,
                },
                null,
                Of("say", new JsonObject { ["voice"] = "Polly.Amy", ["language"] = "en-GB" }, "What can I help you with?"),
                Of("pause", new JsonObject { ["length"] = 2 }),
                Of("say", text: "You can also press 1 for bookings."))));
    }

    [Fact]
    public async Task Gather_DefaultOptionsWithNestedPlay_MatchesOfficialLibrary() =>
        await AssertEquivalentAsync(
            new VoiceResponse().Gather(new GatherOptions(), prompt => prompt.Play("https://cdn.example.com/chime.wav")),
            Document(Of(
                "gather",
                new JsonObject { ["method"] = "POST", ["input"] = new JsonArray("speech", "dtmf") },
                null,
                Of("play", text: "https://cdn.example.com/chime.wav"))));

    [Fact]
    public async Task Gather_EmptyFinishOnKeyAndNoEmptyResult_MatchesOfficialLibrary() =>
        await AssertEquivalentAsync(
            new VoiceResponse().Gather(new GatherOptions { Input = "speech", FinishOnKey = string.Empty, ActionOnEmptyResult = false, SpeechTimeout = "3" }),
            Document(Of(
                "gather",
                new JsonObject { ["method"] = "POST", ["input"] = new JsonArray("speech"), ["finishOnKey"] = string.Empty, ["actionOnEmptyResult"] = false, ["speechTimeout"] = "3" })));

    [Fact]
    public async Task Dial_NumberWithOptions_MatchesOfficialLibrary()
    {
        var options = new DialOptions
        {
            Action = "https://voice.example.com/api/voice/status?leg=transfer&tenant=demo",
            Method = "POST",
            TimeoutSeconds = 20,
            CallerId = "+14155550100",
            AnswerOnBridge = true,
        };

        await AssertEquivalentAsync(
            new VoiceResponse().Dial("+14155550123", options),
            Document(Of(
                "dial",
                new JsonObject
                {
                    ["action"] = "https://voice.example.com/api/voice/status?leg=transfer&tenant=demo",
                    ["method"] = "POST",
                    ["timeout"] = 20,
                    ["callerId"] = "+14155550100",
                    ["answerOnBridge"] = true,
                },
                null,
                Of("number", text: "+14155550123"))));
    }

    [Fact]
    public async Task Dial_NumberWithoutOptions_MatchesOfficialLibrary() =>
        await AssertEquivalentAsync(
            new VoiceResponse().Dial("+442071838750"),
            Document(Of("dial", children: Of("number", text: "+442071838750"))));

    [Theory]
    [InlineData("sip:alice@example.com")]
    [InlineData("sip:frontdesk@pbx.example.com;transport=tls;region=ie1?x-tenant=demo&x-reason=transfer")]
    [InlineData("SIP:bob@example.com:5061")]
    public async Task Dial_SipUri_MatchesOfficialLibrary(string uri) =>
        await AssertEquivalentAsync(
            new VoiceResponse().Dial(uri, new DialOptions { AnswerOnBridge = false, TimeoutSeconds = 15 }),
            Document(Of("dial", new JsonObject { ["answerOnBridge"] = false, ["timeout"] = 15 }, null, Of("sip", text: uri))));

    [Theory]
    [InlineData("POST")]
    [InlineData("GET")]
    public async Task Redirect_WithMethod_MatchesOfficialLibrary(string method) =>
        await AssertEquivalentAsync(
            new VoiceResponse().Redirect(TurnUrl, method),
            Document(Of("redirect", new JsonObject { ["method"] = method }, TurnUrl)));

    [Fact]
    public async Task Hangup_Alone_MatchesOfficialLibrary() =>
        await AssertEquivalentAsync(new VoiceResponse().Hangup(), Document(Of("hangup")));

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public async Task Pause_WithLength_MatchesOfficialLibrary(int seconds) =>
        await AssertEquivalentAsync(new VoiceResponse().Pause(seconds), Document(Of("pause", new JsonObject { ["length"] = seconds })));

    [Fact]
    public async Task Pause_Default_MatchesOfficialLibraryWithOneSecond() =>
        await AssertEquivalentAsync(new VoiceResponse().Pause(), Document(Of("pause", new JsonObject { ["length"] = 1 })));

    [Fact]
    public async Task Play_Url_MatchesOfficialLibrary() =>
        await AssertEquivalentAsync(
            new VoiceResponse().Play("https://cdn.example.com/hold music.wav?v=2&lang=en"),
            Document(Of("play", text: "https://cdn.example.com/hold music.wav?v=2&lang=en")));

    [Fact]
    public async Task ConnectStream_WithParameters_MatchesOfficialLibrary()
    {
        var parameters = new Dictionary<string, string>
        {
            ["callSid"] = "CA1234567890ABCDE",
            ["tenant"] = "main-street-auto",
            ["greeting"] = "Hi & welcome <back>",
        };

        await AssertEquivalentAsync(
            new VoiceResponse().ConnectStream("wss://voice.example.com/media-stream?tenant=demo&x=1", parameters),
            Document(Of(
                "connect",
                children: Of(
                    "stream",
                    new JsonObject { ["url"] = "wss://voice.example.com/media-stream?tenant=demo&x=1" },
                    null,
                    Of("parameter", new JsonObject { ["name"] = "callSid", ["value"] = "CA1234567890ABCDE" }),
                    Of("parameter", new JsonObject { ["name"] = "tenant", ["value"] = "main-street-auto" }),
                    Of("parameter", new JsonObject { ["name"] = "greeting", ["value"] = "Hi & welcome <back>" })))));
    }

    [Fact]
    public async Task ConnectStream_WithoutParameters_MatchesOfficialLibrary() =>
        await AssertEquivalentAsync(
            new VoiceResponse().ConnectStream("wss://voice.example.com/media-stream"),
            Document(Of("connect", children: Of("stream", new JsonObject { ["url"] = "wss://voice.example.com/media-stream" }))));

    [Fact]
    public async Task VoiceResponse_ConversationTurnSequence_MatchesOfficialLibrary()
    {
        var say = new SayOptions("Polly.Joanna-Neural", "en-US");
        var ours = new VoiceResponse()
            .Say("Sure, let me check.", say)
            .Gather(new GatherOptions { Action = TurnUrl, SpeechTimeout = "auto", TimeoutSeconds = 5 }, prompt => prompt.Say("Which day works for you?", say))
            .Say("I didn't catch that.", say)
            .Redirect(TurnUrl)
            .Hangup();
        var sayAttributes = () => new JsonObject { ["voice"] = "Polly.Joanna-Neural", ["language"] = "en-US" };

        await AssertEquivalentAsync(ours, Document(
            Of("say", sayAttributes(), "Sure, let me check."),
            Of(
                "gather",
                new JsonObject { ["action"] = TurnUrl, ["method"] = "POST", ["input"] = new JsonArray("speech", "dtmf"), ["speechTimeout"] = "auto", ["timeout"] = 5 },
                null,
                Of("say", sayAttributes(), "Which day works for you?")),
            Of("say", sayAttributes(), "I didn't catch that."),
            Of("redirect", new JsonObject { ["method"] = "POST" }, TurnUrl),
            Of("hangup")));
    }

    [Fact]
    public void ToString_Document_HasUtf8DeclarationAndResponseRoot()
    {
        var xml = new VoiceResponse().Say("Hello").ToString();

        var document = XDocument.Parse(xml);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", xml, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Response", document.Root!.Name.LocalName);
        Assert.Equal(XNamespace.None, document.Root.Name.Namespace);
    }

    private static async Task AssertEquivalentAsync(VoiceResponse ours, JsonArray libraryCalls)
    {
        var ourXml = ours.ToString();

        var officialXml = await TwilioReference.TwimlAsync(libraryCalls);

        Assert.Null(XmlEquivalence.FirstDifference(officialXml, ourXml));
        foreach (var element in XDocument.Parse(ourXml).Root!.Descendants())
        {
            var declared = TwilioTypings.AttributeNames(element.Name.LocalName);
            Assert.All(element.Attributes(), attribute => Assert.Contains(attribute.Name.LocalName, declared));
        }
    }
}
