using VoiceAgent.OpenAiStandIn;

namespace VoiceAgent.CallSimulator.Scenarios.Agents;

/// <summary>
/// The LLM agent against a stand-in model (<see cref="ModelStandIn"/>, <c>tools/OpenAiStandIn</c>) playing the
/// scenario's script from <paramref name="scriptFolder"/>, reached as Azure OpenAI through the app's real client. The
/// scenario passes only if, beyond its expectations, the script was played exactly (no problem, no step left) and the
/// agent never fell back to the offline engine, unless the script says <c>fallback: expected</c>, when it must have.
/// A scenario with no script fails: the LLM path is never played by a model nobody wrote.
/// </summary>
public sealed class ScriptedModelAgent(string scriptFolder) : IScenarioAgent
{
    public string ScriptFolder { get; } = scriptFolder;

    public async Task<ScenarioModel> PrepareAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ModelScriptFile? file;
        try
        {
            file = await ModelScriptFile.FindAsync(ScriptFolder, scenario.Name, cancellationToken);
        }
        catch (ScenarioFileException ex)
        {
            return ScenarioModel.Missing(ex.Message);
        }

        if (file is null)
        {
            return ScenarioModel.Missing($"no model script for {scenario.Name} (expected {Path.Combine(ScriptFolder, scenario.Name + ".yaml")})");
        }

        var model = await ModelStandIn.StartAsync(file.Script, cancellationToken);
        return new ScenarioModel(LlmAppSettings.AzureOpenAi(model.BaseUrl, model.ApiKey), logs => Check(model, file, logs), model)
        {
            Exchanges = () => model.Describe().Split('\n'),
        };
    }

    private static List<string> Check(ModelStandIn model, ModelScriptFile file, IReadOnlyList<Hosting.CapturedLog> logs)
    {
        var progress = model.Progress;
        var reasons = new List<string>();
        reasons.AddRange(progress.Problems.Select(p => $"model script problem: {p}"));
        reasons.AddRange(progress.Unconsumed.Select(u => $"model script step never played: {u}"));
        var fallback = ModelFallback.Find(logs);
        if (fallback is not null && !file.FallbackExpected)
        {
            reasons.Add($"the agent fell back to the offline engine (event {ModelFallback.EventId}): {fallback.Message}");
        }
        else if (fallback is null && file.FallbackExpected)
        {
            reasons.Add($"the script says 'fallback: expected', but the agent never fell back to the offline engine (no event {ModelFallback.EventId})");
        }

        return reasons;
    }
}
