using VoiceAgent.CallSimulator.Scenarios;
using VoiceAgent.LocalStack;

namespace VoiceAgent.CallSimulator.Cli;

/// <summary>
/// <c>scenarios FILE-OR-FOLDER… [--storage CONNECTION-STRING] [--parallel N]</c>: plays every scenario, prints each
/// outcome (in the order given) and <c>N passed, M failed</c>. Starts one Azurite for the run unless given a storage
/// connection string. Scenarios are isolated (own tables, task hub, clock and Twilio stand-in), so up to N (default 3)
/// play at once: most of a scenario's time is waiting on the workflow engine's polling, not work.
/// Exit code 0 only when every scenario passed; an unreadable file counts as a failed scenario.
/// </summary>
public static class ScenariosCommand
{
    public const int DefaultParallel = 3;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var parsed = CommandArguments.Parse(args, "--storage", "--parallel");
        if (parsed.Positional.Count == 0)
        {
            throw new ArgumentException("Name at least one scenario file or folder.");
        }

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
        var runner = storage is null ? null : new ScenarioRunner(storage, http, storageIsShared: azurite is null);
        var parallel = int.TryParse(parsed.Get("--parallel"), System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultParallel;

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
