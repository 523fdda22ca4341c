using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Tests.Support;
using VoiceAgent.OpenAiStandIn;

namespace VoiceAgent.Core.Tests.Conversation.LlmEngine;

/// <summary>A streamed model turn (the real-time transports' way): sentences and tool events as they come, then the whole reply.</summary>
public sealed class ModelStreamingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task StreamAsync_YieldsToolEventsThenEachSentence_ThenTheWholeReply()
    {
        var script = ModelScript.Turn("(?i)hours")
            .Calls("business_info", new { question = "what are your hours on saturday" })
            .Then().Says("On Saturday we're open from 8 AM to 1 PM. Is there anything else I can help with?")
            .Build();
        await using var call = await ModelCall.StartAsync(azurite, script, ModelCall.John);

        var events = new List<AgentEvent>();
        await foreach (var item in call.Engine.StreamAsync(call.Context, call.State, new CallerInput("what are your hours on saturday"), CancellationToken.None))
        {
            events.Add(item);
        }

        Assert.Equal(
            [
                new ToolActivity("business_info", Finished: false),
                new ToolActivity("business_info", Finished: true),
                new SpokenSentence("On Saturday we're open from 8 AM to 1 PM."),
                new SpokenSentence("Is there anything else I can help with?"),
            ],
            events[..^1]);
        var finished = Assert.IsType<TurnFinished>(events[^1]);
        Assert.Equal("On Saturday we're open from 8 AM to 1 PM. Is there anything else I can help with?", finished.Reply.Speech);
        Assert.Equal(CallAction.Listen, finished.Reply.Action);
        Assert.True(call.Model.Progress.Passed, call.Model.Describe());
    }

    [Fact]
    public async Task ShopWithTheModelTurnedOff_TheOfflineEngineAnswers_AndTheModelIsNeverAsked()
    {
        await using var call = await ModelCall.StartAsync(azurite, ModelScript.Empty, ModelCall.John);
        var offline = call.Context with { Tenant = DemoTenant.Profile with { UseLanguageModel = false } };
        var state = new DialogState();
        call.Engine.Greet(offline, state);

        var reply = await call.Engine.RespondAsync(offline, state, new CallerInput("where are you located"), CancellationToken.None);

        Assert.Contains(DemoTenant.Profile.Address.Split(',')[0], reply.Speech, StringComparison.Ordinal);
        Assert.Null(state.Model);
        Assert.Empty(call.Model.Requests);
    }
}
