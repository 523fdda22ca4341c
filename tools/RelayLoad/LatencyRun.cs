using VoiceAgent.LoadKit;

namespace VoiceAgent.RelayLoad;

/// <summary>
/// One call at a time, in rounds of one relay call and one direct call of the same script (each its own slot), in the
/// order A B, then B A, and so on, so neither path always runs first; no pauses between turns. The first
/// <c>warmupCalls</c> rounds are marked as warm-up.
/// </summary>
internal sealed class LatencyRun(RelayStack stack, StorageTally storage, SlotPlanner slots)
{
    public async Task<IReadOnlyList<TurnSample>> RunAsync(int warmupCalls, int calls, CancellationToken cancellationToken)
    {
        var direct = new DirectCall(stack, storage);
        var samples = new List<TurnSample>();
        for (var round = 0; round < warmupCalls + calls; round++)
        {
            var warmup = round < warmupCalls;
            var caller = CallScript.Callers[round % CallScript.Callers.Count];
            var relayScript = CallScript.For(caller, slots.Next());
            var directScript = CallScript.For(caller, slots.Next());
            if (round % 2 == 0)
            {
                samples.AddRange(await RelayAsync(relayScript, round, warmup, cancellationToken));
                samples.AddRange(await direct.RunAsync(directScript, round, warmup, cancellationToken));
            }
            else
            {
                samples.AddRange(await direct.RunAsync(directScript, round, warmup, cancellationToken));
                samples.AddRange(await RelayAsync(relayScript, round, warmup, cancellationToken));
            }

            if ((round + 1) % 10 == 0)
            {
                Console.Error.WriteLine($"latency: {round + 1} of {warmupCalls + calls} rounds");
            }
        }

        return samples;
    }

    private async Task<IReadOnlyList<TurnSample>> RelayAsync(CallScript script, int round, bool warmup, CancellationToken cancellationToken)
    {
        await using var call = await RelayCall.StartAsync(stack, storage, script, cancellationToken);
        return await call.TalkAsync(CallerPace.None, level: 0, round, warmup, cancellationToken);
    }
}
