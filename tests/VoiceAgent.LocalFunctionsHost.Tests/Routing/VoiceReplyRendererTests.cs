using Microsoft.Extensions.Options;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.LocalFunctionsHost.Tests.Routing;

/// <summary>Every URL in the TwiML the app answers with is a function of the app, reached with the method Twilio uses.</summary>
public sealed class VoiceReplyRendererTests
{
    /// <summary>The webhook that answered: Twilio resolves the document's relative URLs against it.</summary>
    private static readonly Uri Answered = new("https://voiceagent.example/api/voice/turn");

    private static readonly VoiceReplyRenderer Renderer = new(Options.Create(new VoiceOptions()));

    private static readonly Dictionary<string, Func<string>> Replies = new()
    {
        ["listen"] = () => Renderer.Render(AgentReply.Listen("What can I do for you?"), tenant: null),
        ["transfer"] = () => Renderer.Render(AgentReply.Transfer("Let me connect you.", "+15555550199"), tenant: null),
        ["hangup"] = () => Renderer.Render(AgentReply.Hangup("Goodbye."), tenant: null),
        ["hold"] = () => Renderer.RenderHold("One moment.", "turn/token+1", hop: 2, tenant: null),
        ["failure, tenant known"] = () => Renderer.RenderFailure(DemoTenant.Profile),
        ["failure, no tenant"] = () => Renderer.RenderFailure(null),
        ["empty"] = VoiceReplyRenderer.Empty,
    };

    [Theory]
    [InlineData("listen", "VoiceTurn")]
    [InlineData("hold", "VoiceContinue")]
    [InlineData("transfer")]
    [InlineData("hangup")]
    [InlineData("failure, tenant known")]
    [InlineData("failure, no tenant")]
    [InlineData("empty")]
    public void Render_EveryUrlInTheTwiml_ReachesOneFunctionWithItsMethod(string reply, params string[] functions)
    {
        var urls = TwimlUrls.Read(Replies[reply]());

        var reached = urls.Select(u => FunctionRouteTable.App.ResolveOne(u.Method, new Uri(Answered, u.Url)).Function);

        Assert.Equal(functions, reached);
    }
}
