using VoiceAgent.CallSimulator.Twiml;
using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace VoiceAgent.Simulator.Tests.Twiml;

public sealed class TwimlReaderTests
{
    [Fact]
    public void Read_GatherAsTwiliosSdkWritesIt_ReadsPromptAndAttributes()
    {
        var gatherVerb = new Gather(input: [Gather.InputEnum.Speech, Gather.InputEnum.Dtmf], action: new Uri("/api/voice/turn", UriKind.Relative), method: Twilio.Http.HttpMethod.Post, timeout: 4, actionOnEmptyResult: true)
            .Say("How can I help?").Pause(2);
        var xml = new VoiceResponse().Append(gatherVerb).ToString();

        var gather = Assert.IsType<GatherVerb>(Assert.Single(TwimlReader.Read(xml).Verbs));

        Assert.Equal("/api/voice/turn", gather.Action);
        Assert.Equal("POST", gather.Method);
        Assert.True(gather.AcceptsSpeech);
        Assert.True(gather.AcceptsDigits);
        Assert.Equal(4, gather.TimeoutSeconds);
        Assert.True(gather.ActionOnEmptyResult);
        Assert.Equal([new SayVerb("How can I help?"), new PauseVerb(2)], gather.Prompt);
    }

    [Fact]
    public void Read_GatherWithoutAttributes_UsesTwilioDefaults()
    {
        var gather = Assert.IsType<GatherVerb>(Assert.Single(TwimlReader.Read("<Response><Gather/></Response>").Verbs));

        Assert.Null(gather.Action);
        Assert.Equal("dtmf", gather.Input);
        Assert.Equal(5, gather.TimeoutSeconds);
        Assert.False(gather.ActionOnEmptyResult);
    }

    [Fact]
    public void Read_SayThenDial_ReadsTextAndNumber()
    {
        var xml = new VoiceResponse().Say("Connecting you now.").Dial("+15555550199").ToString();


        var verbs = TwimlReader.Read(xml).Verbs;

        Assert.Equal(new SayVerb("Connecting you now."), verbs[0]);
        Assert.Equal("+15555550199", Assert.IsType<DialVerb>(verbs[1]).Target);
    }

    [Theory]
    [InlineData("<Response><Dial><Sip>sip:desk@example.com</Sip></Dial></Response>", "sip:desk@example.com")]
    [InlineData("<Response><Dial callerId=\"+15555550100\"> +15555550198 </Dial></Response>", "+15555550198")]
    public void Read_DialWithSipOrText_ReadsTarget(string xml, string target) =>
        Assert.Equal(target, Assert.IsType<DialVerb>(Assert.Single(TwimlReader.Read(xml).Verbs)).Target);

    [Fact]
    public void Read_RedirectPauseHangup_ReadsEachVerb()
    {
        var verbs = TwimlReader.Read("<?xml version=\"1.0\"?><Response><Pause/><Redirect method=\"get\">/api/voice/turn?x=1</Redirect><Hangup/></Response>").Verbs;

        Assert.Equal<TwimlVerb>([new PauseVerb(1), new RedirectVerb("/api/voice/turn?x=1", "GET"), new HangupVerb()], verbs);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("<Response><Say>hi</Response>", "not well-formed XML")]
    [InlineData("{\"say\":\"hi\"}", "not well-formed XML")]
    [InlineData("<html><body>Error</body></html>", "root element must be <Response>")]
    [InlineData("<Response><Connect><Room>r</Room></Connect></Response>", "with one <ConversationRelay> or <Stream> only, not <Room>")]
    [InlineData("<Response><Connect><ConversationRelay url=\"wss://x/relay?callSid=CA1\"/></Connect></Response>", "has a query string")]
    [InlineData("<Response><Connect><ConversationRelay url=\"https://x/relay\"/></Connect></Response>", "absolute wss:// URL")]
    [InlineData("<Response><Gather><Dial>+15555550199</Dial></Gather></Response>", "<Gather> may nest")]
    [InlineData("<Response><Pause length=\"soon\"/></Response>", "whole number")]
    [InlineData("<Response><Redirect/></Response>", "<Redirect> needs a value")]
    [InlineData("<Response><Gather input=\"voice\"/></Response>", "dtmf, speech")]
    public void Read_NotPlayableTwiml_ThrowsTwimlException(string xml, string message)
    {
        var ex = Assert.Throws<TwimlException>(() => TwimlReader.Read(xml));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ConnectToConversationRelay_UrlGreetingParametersAndAction()
    {
        var document = TwimlReader.Read("""
            <Response><Connect action="/api/voice/connect-ended"><ConversationRelay url="wss://rt.example.test/relay" welcomeGreeting="Hi there.">
            <Parameter name="tenantId" value="northside-auto"/><Parameter name="callSid" value="CA1"/></ConversationRelay></Connect></Response>
            """);

        var connect = Assert.IsType<ConnectVerb>(Assert.Single(document.Verbs));
        Assert.Equal("/api/voice/connect-ended", connect.Action);
        var relay = Assert.IsType<RelayNoun>(connect.Session);
        Assert.Equal("wss://rt.example.test/relay", relay.Url);
        Assert.Equal("Hi there.", relay.WelcomeGreeting);
        Assert.Equal("northside-auto", relay.Parameters["tenantId"]);
        Assert.Equal("CA1", relay.Parameters["callSid"]);
    }

    [Fact]
    public void Read_ConnectToAMediaStream_UrlParametersAndAction()
    {
        var document = TwimlReader.Read("""
            <Response><Say>Thanks for calling.</Say><Connect action="/api/voice/connect-ended"><Stream url="wss://rt.example.test/stream">
            <Parameter name="tenantId" value="northside-auto"/><Parameter name="callSid" value="CA1"/></Stream></Connect></Response>
            """);

        var connect = Assert.IsType<ConnectVerb>(document.Verbs[1]);
        Assert.Equal("/api/voice/connect-ended", connect.Action);
        var stream = Assert.IsType<StreamNoun>(connect.Session);
        Assert.Equal("wss://rt.example.test/stream", stream.Url);
        Assert.Equal(new Dictionary<string, string> { ["tenantId"] = "northside-auto", ["callSid"] = "CA1" }, stream.Parameters);
    }

    [Fact]
    public void Read_StreamUrlWithAQueryString_Refused()
    {
        var ex = Assert.Throws<TwimlException>(() => TwimlReader.Read("""<Response><Connect><Stream url="wss://rt.example.test/stream?callSid=CA1"/></Connect></Response>"""));

        Assert.Contains("query string", ex.Message, StringComparison.Ordinal);
    }
}
