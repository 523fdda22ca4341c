using VoiceAgent.CallSimulator.Hosting;

namespace VoiceAgent.CallSimulator.Scenarios.Agents;

/// <summary>
/// Whether the LLM agent handed a call to the offline engine: the engine logs it as a warning, event 3101 ("model
/// fallback"), under its own category. A scenario on the LLM path that passed through the fallback did not test the model.
/// </summary>
public static class ModelFallback
{
    public const int EventId = 3101;
    public const string EngineCategory = "ModelConversationEngine";

    /// <summary>The first fallback logged, or null.</summary>
    public static CapturedLog? Find(IEnumerable<CapturedLog> logs) =>
        logs.FirstOrDefault(l => l.EventId.Id == EventId && l.Category.Contains(EngineCategory, StringComparison.Ordinal));
}
