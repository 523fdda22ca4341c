namespace VoiceAgent.CallSimulator.Scenarios.Agents;

/// <summary>
/// The LLM agent against a real OpenAI-compatible endpoint (<c>--model-endpoint</c>, e.g. a local Ollama), unscripted:
/// the outcome is checked as usual, and a call the agent handed to the offline engine fails, since it would measure
/// the offline engine rather than the model.
/// </summary>
public sealed class ModelEndpointAgent(Uri endpoint, string model, string? apiKey) : IScenarioAgent
{
    public const string DefaultModel = "llama3.1";

    public Task<ScenarioModel> PrepareAsync(Scenario scenario, CancellationToken cancellationToken) =>
        Task.FromResult(new ScenarioModel(
            LlmAppSettings.OpenAiCompatible(endpoint, model, apiKey),
            logs => ModelFallback.Find(logs) is { } fallback ? [$"the agent fell back to the offline engine: {fallback.Message}"] : []));
}
