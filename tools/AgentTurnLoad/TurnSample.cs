namespace VoiceAgent.AgentTurnLoad;

/// <summary>
/// One timed turn through <c>InboundCallService.TakeTurnAsync</c> on <see cref="Engine"/> (<c>model</c> or
/// <c>offline</c>): its whole time, the model's share, and the storage requests it made.
/// </summary>
internal sealed record TurnSample(string Engine, int Call, int Turn, bool Warmup, double TurnMs, double ModelInsideMs, double ModelSpanMs, int ModelRequests, IReadOnlyList<string> Storage, double StorageMs)
{
    /// <summary>What the agent adds on top of the model: the turn less the time spent inside the model client.</summary>
    public double OverheadMs => TurnMs - ModelInsideMs;

    /// <summary>The same, with the model's share counted from each call to its last update (the engine's work between updates counted as the model's).</summary>
    public double OverheadBySpanMs => TurnMs - ModelSpanMs;

    public static TurnSample From(string engine, int call, int turn, bool warmup, TimeSpan elapsed, TurnMeter meter)
    {
        var storage = meter.Storage;
        return new TurnSample(
            engine,
            call,
            turn,
            warmup,
            elapsed.TotalMilliseconds,
            meter.ModelInside.TotalMilliseconds,
            meter.ModelSpan.TotalMilliseconds,
            meter.ModelRequests,
            [.. storage.Select(s => s.Kind)],
            storage.Sum(s => s.Duration.TotalMilliseconds));
    }
}
