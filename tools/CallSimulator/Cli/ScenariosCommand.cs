using VoiceAgent.CallSimulator.Scenarios;
using VoiceAgent.CallSimulator.Scenarios.Agents;
using VoiceAgent.Core.Tenants;
using VoiceAgent.LocalStack;

namespace VoiceAgent.CallSimulator.Cli;

/// <summary>
/// <c>scenarios FILE-OR-FOLDER… [--storage CONNECTION-STRING] [--parallel N] [--agent offline|llm] [--transport gather|relay|stream]
/// [--model-endpoint URL [--model NAME] [--model-key KEY]]</c>: plays every scenario, prints each
/// outcome (in the order given) and <c>N passed, M failed</c>. Starts one Azurite for the run unless given a storage
/// connection string. Scenarios are isolated (own tables, task hub, clock and Twilio stand-in), so up to N (default 3)
/// play at once: most of a scenario's time is waiting on the workflow engine's polling, not work.
/// <c>--agent llm</c> answers the calls with the LLM agent against a stand-in model playing the scenario's script
/// (<c>tests/model-scripts/NAME.yaml</c>); <c>--model-endpoint</c> against a real OpenAI-compatible endpoint, unscripted,
/// one scenario at a time unless <c>--parallel</c> says otherwise.
/// Exit code 0 only when every scenario passed; an unreadable file counts as a failed scenario.
/// </summary>
public static class ScenariosCommand
{
    public const int DefaultParallel = 3;

    /// <summary>Where the model scripts live, under the repository root: keyed by scenario name, apart from any scenario folder.</summary>
    public static readonly string ModelScriptFolder = Path.Combine("tests", "model-scripts");

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var parsed = CommandArguments.Parse(args, "--storage", "--parallel", "--agent", "--transport", "--model-endpoint", "--model", "--model-key");
        if (parsed.Positional.Count == 0)
        {
            throw new ArgumentException("Name at least one scenario file or folder.");
        }

        var agent = ChooseAgent(parsed);

        var loaded = new List<(string Path, Scenario? Scenario, string? Error)>();
        foreach (var path in ScenarioLoader.ExpandPaths(parsed.Positional))
        {
            try
            {
                loaded.Add((path, await ScenarioLoader.LoadAsync(path, cancellationToken), null));
            }
            catch (ScenarioFileException ex)
            {
                loaded.Add((path, null, ex.Message));
            }
        }

        var results = new List<ScenarioResult>();
        await using var azurite = parsed.Get("--storage") is null && loaded.Any(l => l.Scenario is not null)
            ? await StartAzuriteAsync(output, cancellationToken)
            : null;
        var storage = parsed.Get("--storage") ?? azurite?.ConnectionString;
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var runner = storage is null ? null : new ScenarioRunner(storage, http, storageIsShared: azurite is null, agent, ChooseTransport(parsed));
        var parallel = int.TryParse(parsed.Get("--parallel"), System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n
            : agent is ModelEndpointAgent ? 1 : DefaultParallel;

        using var slots = new SemaphoreSlim(parallel);
        var running = loaded.Select(async item =>
        {
            var (path, scenario, error) = item;
            if (scenario is null || runner is null)
            {
                return scenario is null
                    ? ScenarioResult.Unreadable(path, error ?? "unreadable")
                    : ScenarioResult.Unreadable(path, "storage is not available: Azurite did not start (see above)");
            }

            await slots.WaitAsync(cancellationToken);
            try
            {
                return await runner.RunAsync(scenario, cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }).ToList();

        foreach (var result in running)
        {
            var finished = await result;
            ScenarioReport.Write(output, finished);
            results.Add(finished);
        }

        ScenarioReport.WriteSummary(output, results);
        return results.All(r => r.Passed) ? 0 : 1;
    }

    /// <summary><c>--transport gather</c> (the default), <c>relay</c> (ConversationRelay) or <c>stream</c> (a Media Stream), the last two through the real-time host.</summary>
    private static CallTransport ChooseTransport(CommandArguments parsed) => parsed.Get("--transport") switch
    {
        null or "gather" => CallTransport.Gather,
        "relay" => CallTransport.Relay,
        "stream" => CallTransport.Stream,
        var other => throw new ArgumentException($"--transport is gather, relay or stream, not '{other}'."),
    };

    /// <summary><c>--agent offline</c> (the default), <c>--agent llm</c> (scripted stand-in), or <c>--model-endpoint</c> (a real model; implies llm).</summary>
    private static IScenarioAgent ChooseAgent(CommandArguments parsed)
    {
        var kind = parsed.Get("--agent") ?? (parsed.Get("--model-endpoint") is null ? "offline" : "llm");
        if (kind is not ("offline" or "llm"))
        {
            throw new ArgumentException($"--agent is offline or llm, not '{kind}'.");
        }

        if (parsed.Get("--model-endpoint") is not { } endpoint)
        {
            if (parsed.Get("--model") is not null || parsed.Get("--model-key") is not null)
            {
                throw new ArgumentException("--model and --model-key go with --model-endpoint.");
            }

            return kind == "llm" ? new ScriptedModelAgent(Path.Combine(RepositoryRoot.Find(), ModelScriptFolder)) : OfflineAgent.Instance;
        }

        if (kind == "offline")
        {
            throw new ArgumentException("--model-endpoint plays the scenarios through the LLM agent: drop --agent offline.");
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"--model-endpoint needs an http(s) URL (e.g. http://localhost:11434/v1), not '{endpoint}'.");
        }

        return new ModelEndpointAgent(url, parsed.Get("--model") ?? ModelEndpointAgent.DefaultModel, parsed.Get("--model-key"));
    }

    private static async Task<AzuriteServer?> StartAzuriteAsync(TextWriter output, CancellationToken cancellationToken)
    {
        try
        {
            return await AzuriteServer.StartAsync(cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            await output.WriteLineAsync($"Azurite did not start: {ex.Message}");
            return null;
        }
    }
}
