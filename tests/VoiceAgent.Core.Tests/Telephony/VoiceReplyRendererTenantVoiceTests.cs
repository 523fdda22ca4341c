using System.Xml.Linq;
using Microsoft.Extensions.Options;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Tests.Telephony;

/// <summary>A shop's own voice and language (<see cref="TenantProfile.Voice"/>) in the TwiML of every transport; the deployment's where it set none.</summary>
public sealed class VoiceReplyRendererTenantVoiceTests
{
    private static readonly Uri RelayUrl = new("wss://host.example.test/relay");
    private static readonly Dictionary<string, string> Parameters = new() { ["tenantId"] = "demo", ["callSid"] = "CA1" };

    private static readonly TenantProfile OwnVoice = DemoTenant.Profile with
    {
        Voice = new TenantVoice { SayVoice = "Polly.Matthew-Neural", SpanishSayVoice = "Polly.Pedro-Neural", Language = "en-GB" },
    };

    private readonly VoiceReplyRenderer _renderer = new(Options.Create(new VoiceOptions { SayVoice = "Polly.Joanna-Neural", Language = "en-US" }));

    [Fact]
    public void Render_TenantWithItsOwnVoice_GathersInItsLanguageAndSpeaksInItsVoice()
    {
        var gather = Assert.Single(Parse(_renderer.Render(AgentReply.Listen("How can I help?"), OwnVoice)).Elements("Gather"));

        Assert.Equal("en-GB", gather.Attribute("language")?.Value);
        var say = Assert.Single(gather.Elements("Say"));
        Assert.Equal(("Polly.Matthew-Neural", "en-GB"), (say.Attribute("voice")?.Value, say.Attribute("language")?.Value));
    }

    [Fact]
    public void Render_TenantWithItsOwnSpanishVoice_SpeaksTheSpanishPartInIt()
    {
        var reply = AgentReply.Listen(new SpokenPart("Lo siento.", "es-US"), new SpokenPart("Would you like the desk?"));

        var says = Parse(_renderer.Render(reply, OwnVoice)).Element("Gather")!.Elements("Say");

        Assert.Equal(
            [("Polly.Pedro-Neural", "es-US"), ("Polly.Matthew-Neural", "en-GB")],
            says.Select(s => (s.Attribute("voice")?.Value, s.Attribute("language")?.Value)));
    }

    [Fact]
    public void Render_TenantWithoutItsOwnVoice_SpeaksInTheDeploymentsVoice()
    {
        var gather = Parse(_renderer.Render(AgentReply.Listen("How can I help?"), DemoTenant.Profile)).Element("Gather")!;

        Assert.Equal("en-US", gather.Attribute("language")?.Value);
        Assert.Equal("Polly.Joanna-Neural", gather.Element("Say")!.Attribute("voice")?.Value);
    }

    [Fact]
    public void Render_TenantInSpanishWithoutItsOwnVoices_SpeaksInTheDeploymentsSpanishVoice()
    {
        var spanish = DemoTenant.Profile with { Voice = new TenantVoice { Language = "es-MX" } };

        var say = Parse(_renderer.Render(AgentReply.Hangup("Adiós."), spanish)).Element("Say")!;

        Assert.Equal(("Polly.Lupe-Neural", "es-MX"), (say.Attribute("voice")?.Value, say.Attribute("language")?.Value));
    }

    [Fact]
    public void RenderHold_TenantWithItsOwnVoice_SaysTheFillerInIt()
    {
        var say = Parse(_renderer.RenderHold("One moment.", "turn-1", hop: 1, OwnVoice)).Element("Say")!;

        Assert.Equal(("Polly.Matthew-Neural", "en-GB"), (say.Attribute("voice")?.Value, say.Attribute("language")?.Value));
    }

    [Fact]
    public void RenderStream_TenantWithItsOwnVoice_SaysTheGreetingInIt()
    {
        var response = Parse(_renderer.RenderStream(AgentReply.Listen("Thanks for calling."), new Uri("wss://host.example.test/stream"), Parameters, OwnVoice));

        Assert.Equal("Polly.Matthew-Neural", response.Element("Say")!.Attribute("voice")?.Value);
    }

    [Fact]
    public void RenderRelay_TenantWithItsOwnPollyVoice_SetsTheRelaysLanguageProviderAndVoice()
    {
        var relay = Relay(_renderer.RenderRelay(AgentReply.Listen("Thanks for calling."), RelayUrl, Parameters, OwnVoice));

        Assert.Equal(
            ("en-GB", "Amazon", "Matthew-Neural"),
            (relay.Attribute("language")?.Value, relay.Attribute("ttsProvider")?.Value, relay.Attribute("voice")?.Value));
    }

    [Fact]
    public void RenderRelay_TenantWithoutItsOwnVoice_DeploymentLanguageAndTwiliosDefaultVoice()
    {
        var relay = Relay(_renderer.RenderRelay(AgentReply.Listen("Thanks for calling."), RelayUrl, Parameters, DemoTenant.Profile));

        Assert.Equal("en-US", relay.Attribute("language")?.Value);
        Assert.Null(relay.Attribute("ttsProvider"));
        Assert.Null(relay.Attribute("voice"));
        Assert.Equal(RelayUrl.AbsoluteUri, relay.Attribute("url")?.Value);
    }

    [Theory]
    [InlineData("Polly.Joanna-Neural", "Amazon", "Joanna-Neural")]
    [InlineData("Google.en-US-Neural2-F", "Google", "en-US-Neural2-F")]
    [InlineData("UgBBYS2sOqTuMpoF3BR0", null, "UgBBYS2sOqTuMpoF3BR0")]
    public void RelayTtsVoice_SayVoiceName_SplitsIntoProviderAndVoice(string sayVoice, string? provider, string voice) =>
        Assert.Equal(new RelayTtsVoice(provider, voice), RelayTtsVoice.From(sayVoice));

    private static XElement Parse(string xml) => XDocument.Parse(xml).Root!;

    private static XElement Relay(string xml) => Parse(xml).Element("Connect")!.Element("ConversationRelay")!;
}
