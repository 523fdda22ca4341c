namespace VoiceAgent.CallSimulator.Scenarios.Agents;

/// <summary>No model configured: the app runs the offline engine, as it does without an <c>Llm</c> section.</summary>
public sealed class OfflineAgent : IScenarioAgent
{
    public static OfflineAgent Instance { get; } = new();

    private OfflineAgent()
    {
    }

    public Task<ScenarioModel> PrepareAsync(Scenario scenario, CancellationToken cancellationToken) => Task.FromResult(ScenarioModel.None);
}
