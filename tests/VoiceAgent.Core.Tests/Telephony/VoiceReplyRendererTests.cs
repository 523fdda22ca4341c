using System.Xml.Linq;
using Microsoft.Extensions.Options;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Tests.Telephony;

/// <summary>The TwiML the Gather transport answers with, written by Twilio's <c>VoiceResponse</c> behind <see cref="VoiceReplyRenderer"/>.</summary>
public sealed class VoiceReplyRendererTests
{
    private static readonly VoiceOptions Voice = new()
    {
        SayVoice = "Polly.Amy-Neural",
        Language = "en-GB",
        GatherTimeoutSeconds = 7,
        SpeechTimeout = "3",
        SpeechModel = "numbers_and_commands",
    };

    private readonly VoiceReplyRenderer _renderer = new(Options.Create(Voice));

    [Fact]
    public void Render_Listen_GathersSpeechAndKeypadToTheTurnEndpoint()
    {
        var gather = Single(Parse(_renderer.Render(AgentReply.Listen("How can I help?"), tenant: null)), "Gather");

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["input"] = "speech dtmf",
                ["action"] = "/api/voice/turn",
                ["method"] = "POST",
                ["timeout"] = "7",
                ["speechTimeout"] = "3",
                ["language"] = "en-GB",
                ["actionOnEmptyResult"] = "true",
                ["speechModel"] = "numbers_and_commands",
            },
            gather.Attributes().ToDictionary(a => a.Name.LocalName, a => a.Value));
    }

    [Fact]
    public void Render_Listen_SaysTheSpeechInsideTheGatherWithTheConfiguredVoice()
    {
        var gather = Single(Parse(_renderer.Render(AgentReply.Listen("How can I help?"), tenant: null)), "Gather");

        var say = Single(gather, "Say");
        Assert.Equal("How can I help?", say.Value);
        Assert.Equal("Polly.Amy-Neural", say.Attribute("voice")?.Value);
        Assert.Equal("en-GB", say.Attribute("language")?.Value);
    }

    [Fact]
    public void Render_ListenWithASpanishPart_SaysEachPartInItsOwnLanguageInsideTheGather()
    {
        var reply = AgentReply.Listen(new SpokenPart("Lo siento, solo <inglés>.", "es-US"), new SpokenPart("Would you like \u0001the desk?"));

        var gather = Single(Parse(_renderer.Render(reply, tenant: null)), "Gather");

        Assert.Equal("en-GB", gather.Attribute("language")?.Value); // recognition stays the call's language
        Assert.Equal(
            [("Lo siento, solo <inglés>.", "Polly.Lupe-Neural", "es-US"), ("Would you like the desk?", "Polly.Amy-Neural", "en-GB")],
            gather.Elements("Say").Select(s => (s.Value, s.Attribute("voice")?.Value, s.Attribute("language")?.Value)).ToArray());
        Assert.Equal("Lo siento, solo <inglés>. Would you like \u0001the desk?", reply.Speech);
    }

    [Fact]
    public void Render_TransferWithParts_SaysEveryPartThenDials()
    {
        var renderer = new VoiceReplyRenderer(Options.Create(new VoiceOptions { SpanishSayVoice = "Polly.Mia-Neural" }));
        var reply = new AgentReply("Uno. Two.", CallAction.Transfer, "+15125550100") { Parts = [new("Uno.", "es-MX"), new("Two.")] };

        var response = Parse(renderer.Render(reply, tenant: null));

        Assert.Equal(["Say", "Say", "Dial"], Verbs(response));
        Assert.Equal("Polly.Mia-Neural", response.Elements("Say").First().Attribute("voice")?.Value);
        Assert.Equal("es-MX", response.Elements("Say").First().Attribute("language")?.Value);
        Assert.Equal("Polly.Joanna-Neural", response.Elements("Say").Last().Attribute("voice")?.Value);
    }

    [Fact]
    public void Render_ListenWithoutSpeechModel_LeavesTheAttributeOut()
    {
        var renderer = new VoiceReplyRenderer(Options.Create(new VoiceOptions { SpeechModel = " " }));

        var gather = Single(Parse(renderer.Render(AgentReply.Listen("Hello"), tenant: null)), "Gather");

        Assert.Null(gather.Attribute("speechModel"));
    }

    [Fact]
    public void Render_Transfer_SaysThenDialsTheNumber()
    {
        var response = Parse(_renderer.Render(AgentReply.Transfer("Connecting you to service.", "+15125550100"), tenant: null));

        Assert.Equal(["Say", "Dial"], Verbs(response));
        Assert.Equal("Connecting you to service.", response.Element("Say")!.Value);
        Assert.Equal("+15125550100", response.Element("Dial")!.Value);
    }

    [Fact]
    public void Render_TransferWithoutTarget_Throws() =>
        Assert.Throws<InvalidOperationException>(() => _renderer.Render(new AgentReply("Connecting you.", CallAction.Transfer), tenant: null));

    [Fact]
    public void Render_Hangup_SaysThenHangsUp()
    {
        var response = Parse(_renderer.Render(AgentReply.Hangup("Goodbye."), tenant: null));

        Assert.Equal(["Say", "Hangup"], Verbs(response));
        Assert.Equal("Goodbye.", response.Element("Say")!.Value);
        Assert.Empty(response.Element("Hangup")!.Nodes());
    }

    [Fact]
    public void RenderHold_Filler_SaysThenRedirectsToTheContinuationWithEscapedAmpersand()
    {
        var xml = _renderer.RenderHold("One moment.", "turn-42", hop: 1, tenant: null);

        var response = Parse(xml);
        Assert.Equal(["Say", "Redirect"], Verbs(response));
        Assert.Equal("One moment.", response.Element("Say")!.Value);
        Assert.Equal("POST", response.Element("Redirect")!.Attribute("method")?.Value);
        Assert.Equal("/api/voice/continue?turn=turn-42&hop=1", response.Element("Redirect")!.Value);
        Assert.Contains("<Redirect method=\"POST\">/api/voice/continue?turn=turn-42&amp;hop=1</Redirect>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderHold_TokenWithReservedCharacters_IsPercentEncodedInTheRedirect()
    {
        var response = Parse(_renderer.RenderHold("One moment.", "a+b/c=&d", hop: 2, tenant: null));

        Assert.Equal("/api/voice/continue?turn=a%2Bb%2Fc%3D%26d&hop=2", response.Element("Redirect")!.Value);
    }

    [Fact]
    public void RenderStream_Greeting_SaysItThenConnectsTheStreamWithTheCallParameters()
    {
        var response = Parse(_renderer.RenderStream(AgentReply.Listen("Thanks for calling."), new Uri("wss://host.example.test/stream"), new Dictionary<string, string> { ["tenantId"] = "t1", ["callSid"] = "CA1" }, DemoTenant.Profile));

        Assert.Equal(["Say", "Connect"], Verbs(response));
        Assert.Equal("Thanks for calling.", response.Element("Say")!.Value);
        var connect = response.Element("Connect")!;
        Assert.Equal(("/api/voice/connect-ended", "POST"), (connect.Attribute("action")?.Value, connect.Attribute("method")?.Value));
        var stream = Assert.Single(connect.Elements());
        Assert.Equal(("Stream", "wss://host.example.test/stream"), (stream.Name.LocalName, stream.Attribute("url")?.Value));
        Assert.Equal(
            [("tenantId", "t1"), ("callSid", "CA1")],
            stream.Elements("Parameter").Select(p => (p.Attribute("name")!.Value, p.Attribute("value")!.Value)));
    }

    [Fact]
    public void RenderFailure_KnownTenantWithDesk_ApologisesAndTransfersToTheDesk()
    {
        var tenant = Tenant([new TransferTarget("parts counter", "+15125550101"), new TransferTarget("service desk", "+15125550100", IsDefault: true)]);

        var response = Parse(_renderer.RenderFailure(tenant));

        Assert.Equal(["Say", "Dial"], Verbs(response));
        Assert.Equal("I'm sorry, I'm having trouble on my end. Let me connect you with our service desk.", response.Element("Say")!.Value);
        Assert.Equal("+15125550100", response.Element("Dial")!.Value);
    }

    [Fact]
    public void RenderFailure_TenantWithoutTransferTargets_ApologisesAndHangsUp()
    {
        var response = Parse(_renderer.RenderFailure(Tenant([])));

        Assert.Equal(["Say", "Hangup"], Verbs(response));
    }

    [Fact]
    public void RenderFailure_NoTenant_ApologisesAndHangsUp()
    {
        var response = Parse(_renderer.RenderFailure(null));

        Assert.Equal(["Say", "Hangup"], Verbs(response));
        Assert.StartsWith("I'm sorry, we're having technical difficulties", response.Element("Say")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_Always_IsAnEmptyResponseDocument()
    {
        var document = XDocument.Parse(VoiceReplyRenderer.Empty());

        Assert.Equal("Response", document.Root!.Name.LocalName);
        Assert.False(document.Root.HasElements);
        Assert.False(document.Root.HasAttributes);
        Assert.Equal(string.Empty, document.Root.Value);
    }

    [Fact]
    public void Render_Always_StartsWithTheUtf8XmlDeclaration()
    {
        var document = XDocument.Parse(_renderer.Render(AgentReply.Listen("Hello"), tenant: null));

        Assert.Equal("1.0", document.Declaration?.Version);
        Assert.Equal("utf-8", document.Declaration?.Encoding, ignoreCase: true);
    }

    // Built in code and enumerated at run time: attribute arguments cannot hold lone surrogates (metadata stores U+FFFD).
    public static TheoryData<string, string> IllegalSpeech => new()
    {
        { "Hello\u0001 there", "Hello there" },
        { "Back\u0008space", "Backspace" },
        { "Esc\u001B[0m ape", "Esc[0m ape" },
        { "Lone \uD83D surrogate", "Lone  surrogate" },
        { "Trailing high \uD83D", "Trailing high " },
        { "Lone \uDE97 low", "Lone  low" },
        { "Nul\u0000 and \uFFFE", "Nul and " },
    };

    [Theory]
    [MemberData(nameof(IllegalSpeech), DisableDiscoveryEnumeration = true)]
    public void Render_SpeechWithXmlIllegalCharacters_RendersValidXmlWithoutThem(string speech, string spoken)
    {
        var xml = _renderer.Render(AgentReply.Listen(speech), tenant: null);

        var say = Single(Single(Parse(xml), "Gather"), "Say");
        Assert.Equal(spoken, say.Value);
    }

    [Fact]
    public void Render_SpeechWithLineBreaks_KeepsThemAsXmlLineBreaks()
    {
        var xml = _renderer.Render(AgentReply.Hangup("Line one.\r\nLine two.\tDone."), tenant: null);

        Assert.Equal("Line one.\nLine two.\tDone.", Parse(xml).Element("Say")!.Value);
    }

    [Fact]
    public void RenderHold_FillerWithControlCharacters_RendersValidXml()
    {
        var response = Parse(_renderer.RenderHold("One\u0007 moment\u001F.", "t", hop: 1, tenant: null));

        Assert.Equal("One moment.", response.Element("Say")!.Value);
    }

    [Fact]
    public void Render_SpeechWithEmojiAndMarkup_KeepsEmojiAndEscapesMarkup()
    {
        var xml = _renderer.Render(AgentReply.Hangup("See you soon 🚗 <b>&</b>"), tenant: null);

        Assert.Equal("See you soon 🚗 <b>&</b>", Parse(xml).Element("Say")!.Value);
    }

    private static XElement Parse(string xml)
    {
        var root = XDocument.Parse(xml).Root!;
        Assert.Equal("Response", root.Name.LocalName);
        return root;
    }

    private static XElement Single(XElement parent, string name) => Assert.Single(parent.Elements(name));

    private static string[] Verbs(XElement response) => [.. response.Elements().Select(e => e.Name.LocalName)];

    private static TenantProfile Tenant(IReadOnlyList<TransferTarget> targets) => new()
    {
        Id = "demo",
        Name = "Demo Auto",
        PhoneNumber = "+15125550199",
        TimeZoneId = "America/Chicago",
        WeeklyHours = [],
        TransferTargets = targets,
    };
}
