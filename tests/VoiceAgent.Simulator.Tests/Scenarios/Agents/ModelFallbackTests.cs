using Microsoft.Extensions.Logging;
using VoiceAgent.CallSimulator.Hosting;
using VoiceAgent.CallSimulator.Scenarios.Agents;

namespace VoiceAgent.Simulator.Tests.Scenarios.Agents;

public sealed class ModelFallbackTests
{
    private const string Engine = "VoiceAgent.Core.Conversation.Llm.ModelConversationEngine";

    [Fact]
    public void Find_EngineLoggedEvent3101_ReturnsIt()
    {
        var fallback = new CapturedLog(LogLevel.Warning, Engine, new EventId(3101, "ModelFallback"), "model fallback (error)");

        Assert.Same(fallback, ModelFallback.Find([new CapturedLog(LogLevel.Warning, Engine, new EventId(3102), "other"), fallback]));
    }

    [Fact]
    public void Find_SameEventIdFromAnotherCategory_ReturnsNull()
    {
        Assert.Null(ModelFallback.Find([new CapturedLog(LogLevel.Warning, "VoiceAgent.Core.Scheduling.SchedulingService", new EventId(3101), "unrelated")]));
    }
}
