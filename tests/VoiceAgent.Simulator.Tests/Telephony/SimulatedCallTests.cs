using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using VoiceAgent.CallSimulator.Scenarios;
using VoiceAgent.CallSimulator.Telephony;

namespace VoiceAgent.Simulator.Tests.Telephony;

public sealed class SimulatedCallTests
{
    private const string Token = "test-auth-token";
    private const string Listen = "<Response><Gather action=\"/api/voice/turn\" input=\"speech dtmf\" actionOnEmptyResult=\"true\"><Say>How can I help?</Say></Gather></Response>";
    private static readonly Uri PublicUrl = new("https://agent.example.com");
    private static readonly Uri TargetUrl = new("http://127.0.0.1:9");

    [Fact]
    public async Task RunAsync_GatherThenHangup_PostsSignedFieldsAndStatusCallback()
    {
        var (result, app) = await CallAsync(turn => StubTwilioApp.Twiml(turn switch
        {
            1 => Listen,
            2 => Listen,
            _ => "<Response><Say>Bye.</Say><Hangup/></Response>",
        }), ["What are your hours?", "4 3 2 1"]);

        Assert.Null(result.Error);
        Assert.Equal(CallEnding.AgentHungUp, result.Ending);
        Assert.Equal(["How can I help?", "How can I help?", "Bye."], result.AgentSaid);
        Assert.Equal(["/api/voice/incoming", "/api/voice/turn", "/api/voice/turn", "/api/voice/status"], app.Requests.Select(r => r.Path));

        var incoming = app.Requests[0].Fields;
        Assert.Matches("^CA[0-9a-f]{32}$", incoming["CallSid"]);
        Assert.Matches("^AC[0-9a-f]{32}$", incoming["AccountSid"]);
        Assert.Equal(("+15555550101", "+15555550100", "inbound", "2010-04-01"), (incoming["From"], incoming["To"], incoming["Direction"], incoming["ApiVersion"]));

        var speech = app.Requests[1].Fields;
        Assert.Equal(("What are your hours?", "0.92"), (speech["SpeechResult"], speech["Confidence"]));
        Assert.False(speech.ContainsKey("Digits"));
        Assert.Equal(("4 3 2 1", "4321"), (app.Requests[2].Fields["SpeechResult"], app.Requests[2].Fields["Digits"]));

        var status = app.Requests[3].Fields;
        Assert.Equal("completed", status["CallStatus"]);
        Assert.Equal(((int)Math.Ceiling(result.Duration.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture), status["CallDuration"]);
        Assert.True(result.Duration > TimeSpan.Zero);
    }

    [Fact]
    public async Task RunAsync_LinesRunOut_SendsAnEmptyResult()
    {
        var (result, app) = await CallAsync(turn => StubTwilioApp.Twiml(turn == 1 ? Listen : "<Response><Hangup/></Response>"), []);

        Assert.Equal(CallEnding.AgentHungUp, result.Ending);
        Assert.False(app.Requests[1].Fields.ContainsKey("SpeechResult"));
        Assert.False(app.Requests[1].Fields.ContainsKey("Digits"));
    }

    [Fact]
    public async Task RunAsync_SilenceWithoutActionOnEmptyResult_FallsThroughToRedirect()
    {
        var (result, app) = await CallAsync(turn => StubTwilioApp.Twiml(turn == 1
            ? "<Response><Gather action=\"/api/voice/turn\" input=\"speech\"><Say>Hello?</Say></Gather><Redirect>/api/voice/again</Redirect></Response>"
            : "<Response><Say>Goodbye.</Say></Response>"), []);

        Assert.Equal(CallEnding.DocumentEnded, result.Ending);
        Assert.Equal("/api/voice/again", app.Requests[1].Path);
    }

    [Fact]
    public async Task RunAsync_Dial_EndsTransferredToTheNumber()
    {
        var (result, _) = await CallAsync(_ => StubTwilioApp.Twiml("<Response><Say>One moment.</Say><Dial><Number>+15555550199</Number></Dial></Response>"), []);

        Assert.Equal(CallEnding.Transferred, result.Ending);
        Assert.Equal("+15555550199", result.TransferredTo);
        Assert.Equal("[transferred to +15555550199]", result.Transcript[^1].ToString());
    }

    [Fact]
    public async Task RunAsync_AgentNeverEnds_FailsAfterTheTurnLimit()
    {
        var (result, app) = await CallAsync(_ => StubTwilioApp.Twiml(Listen), []);

        Assert.Equal(CallEnding.TurnLimit, result.Ending);
        Assert.Contains("15 agent turns", result.Error, StringComparison.Ordinal);
        Assert.Equal(15, result.AgentTurns);
        Assert.Equal("/api/voice/status", app.Requests[^1].Path);
    }

    [Theory]
    [InlineData(500, "text/plain", "boom", "HTTP 500")]
    [InlineData(200, "text/xml", "", "empty body")]
    [InlineData(200, "text/html", "<html>oops</html>", "instead of TwiML")]
    [InlineData(200, "text/xml", "<Response><Record/></Response>", "Unsupported TwiML verb <Record>")]
    [InlineData(200, "text/xml", "<Response><Say>unclosed", "not well-formed XML")]
    public async Task RunAsync_BadAnswer_FailsWithAClearMessage(int status, string contentType, string body, string message)
    {
        var (result, _) = await CallAsync(_ => new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, contentType) }, []);

        Assert.Equal(CallEnding.Failed, result.Ending);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.StartsWith("[call failed:", result.Transcript[^1].ToString(), StringComparison.Ordinal);
    }

    private static async Task<(CallResult Result, StubTwilioApp App)> CallAsync(Func<int, HttpResponseMessage> answer, string[] lines)
    {
        var app = new StubTwilioApp(Token, PublicUrl, answer);
        using var http = new HttpClient(app);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 15, 15, 0, TimeSpan.Zero));
        var client = new TwilioWebhookClient(http, TargetUrl, PublicUrl, Token);
        var call = new SimulatedCall(client, new ScriptedCaller(lines), clock, new SimulatedCallOptions { AdvanceClock = clock.Advance });
        var result = await call.RunAsync(CallIdentity.NewInbound("+15555550101", "+15555550100"), CancellationToken.None);
        return (result, app);
    }
}
