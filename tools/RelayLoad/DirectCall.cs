using System.Diagnostics;

namespace VoiceAgent.RelayLoad;

/// <summary>
/// The baseline: the same script through <c>InboundCallService.TakeTurnAsync</c>, what the Gather webhook runs, without
/// HTTP, on the host's own service (the same engine, storage clients and tables as the socket's turns). Each turn is
/// timed to its TwiML, and the goodbye's must hang up. The call runs in an activity of its own, so its storage
/// requests are counted apart.
/// </summary>
internal sealed class DirectCall(RelayStack stack, StorageTally storage)
{
    public async Task<IReadOnlyList<TurnSample>> RunAsync(CallScript script, int index, bool warmup, CancellationToken cancellationToken)
    {
        using var activity = new Activity("RelayLoad.DirectCall")
            .SetParentId(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded)
            .Start();
        var call = await IncomingCall.AnswerAsync(stack.Calls, script.CallerNumber, cancellationToken);
        var render = stack.Renderer.Render;
        var samples = new List<TurnSample>(script.Turns.Count);
        var twiml = string.Empty;
        for (var turn = 0; turn < script.Turns.Count; turn++)
        {
            var scripted = script.Turns[turn];
            var mark = storage.Mark(activity.TraceId);
            var started = Stopwatch.GetTimestamp();
            twiml = await stack.Calls.TakeTurnAsync(call, new(scripted.Words, Confidence: null), Guid.NewGuid().ToString("N"), render, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            scripted.Check(twiml, "direct");
            samples.Add(TurnSample.Of("direct", 0, index, turn + 1, scripted.Name, warmup, elapsed, elapsed, storage.Since(activity.TraceId, mark)));
        }

        if (!twiml.Contains("<Hangup", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"direct call {index}: the goodbye did not hang up.");
        }

        return samples;
    }
}
