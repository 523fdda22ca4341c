using VoiceAgent.LoadKit;

namespace VoiceAgent.RelayLoad;

/// <summary>
/// For each level N, N relay calls arriving together: each is answered, its socket opened and set up, and its script
/// spoken from a random offset within the first pause, with the caller's pause before every later turn. A level ends
/// when its last call has said goodbye (or failed: a wrong reply, a lost socket), before the next level starts. A failed
/// call is counted, not fatal: past the machine's capacity, failures are part of the figure.
/// </summary>
internal sealed class ConcurrencyRun(RelayStack stack, StorageTally storage, SlotPlanner slots)
{
    public async Task<IReadOnlyList<LevelResult>> RunAsync(IReadOnlyList<int> levels, TimeSpan pauseMin, TimeSpan pauseMax, CancellationToken cancellationToken)
    {
        var results = new List<LevelResult>();
        foreach (var level in levels)
        {
            var scripts = Enumerable.Range(0, level).Select(i => CallScript.For(CallScript.Callers[i % CallScript.Callers.Count], slots.Next())).ToList();
            var calls = await Task.WhenAll(scripts.Select((script, i) => CallAsync(script, new CallerPace(pauseMin, pauseMax, seed: (level * 100_000) + i), level, i, cancellationToken)));
            var result = new LevelResult(level, [.. calls.SelectMany(c => c.Turns)], [.. calls.Select(c => c.Failure).OfType<string>()]);
            results.Add(result);
            Console.Error.WriteLine($"concurrency: {level} calls at once done, {result.Failures.Count} failed");
        }

        return results;
    }

    private async Task<(IReadOnlyList<TurnSample> Turns, string? Failure)> CallAsync(CallScript script, CallerPace pace, int level, int index, CancellationToken cancellationToken)
    {
        try
        {
            await using var call = await RelayCall.StartAsync(stack, storage, script, cancellationToken);
            return (await call.TalkAsync(pace, level, index, warmup: false, cancellationToken), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return ([], ex.Message);
        }
    }
}
