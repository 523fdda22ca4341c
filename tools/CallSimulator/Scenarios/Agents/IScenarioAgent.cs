namespace VoiceAgent.CallSimulator.Scenarios.Agents;

/// <summary>
/// Who answers a scenario's call (<c>scenarios --agent</c>): the offline engine, the LLM agent against a scripted stand-in
/// model, or the LLM agent against a real endpoint. The runner asks it, per scenario, for the model the app is pointed at.
/// </summary>
public interface IScenarioAgent
{
    /// <summary>The model for one scenario, started (a stand-in) or just named (an endpoint); disposed after the scenario.</summary>
    Task<ScenarioModel> PrepareAsync(Scenario scenario, CancellationToken cancellationToken);
}
