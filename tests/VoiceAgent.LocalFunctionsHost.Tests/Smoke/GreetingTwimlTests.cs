using Microsoft.Extensions.Options;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Smoke.Checks;

namespace VoiceAgent.LocalFunctionsHost.Tests.Smoke;

/// <summary>
/// What the smoke test's greeting check accepts, on the TwiML the app really renders (<see cref="VoiceReplyRenderer"/>):
/// a greeting that listens, never the apology fallback or the "not set up" hang-up.
/// </summary>
public sealed class GreetingTwimlTests
{
    private readonly VoiceReplyRenderer _renderer = new(Options.Create(new VoiceOptions()));

    [Fact]
    public void Problem_TheAppsGreeting_IsNone()
    {
        var problem = GreetingTwiml.Problem(_renderer.Render(AgentReply.Listen("Thanks for calling Northside Auto Care. How can I help you today?"), tenant: null), out var words);

        Assert.Null(problem);
        Assert.Equal("Thanks for calling Northside Auto Care. How can I help you today?", words);
    }

    [Fact]
    public void Problem_TheApologyFallback_IsNotAGreeting()
    {
        var problem = GreetingTwiml.Problem(_renderer.RenderFailure(null), out _);

        Assert.StartsWith("not a greeting: a hang-up", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_TheNotSetUpAnswer_IsNotAGreeting()
    {
        var problem = GreetingTwiml.Problem(_renderer.Render(AgentReply.Hangup("Sorry, this number is not set up to take calls yet. Goodbye."), tenant: null), out _);

        Assert.StartsWith("not a greeting: a hang-up", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><body>Service Unavailable</body></html>", "not TwiML")]
    [InlineData("Service Unavailable", "not XML")]
    public void Problem_AnErrorPage_IsNamed(string body, string expected)
    {
        Assert.StartsWith(expected, GreetingTwiml.Problem(body, out _), StringComparison.Ordinal);
    }
}
