namespace VoiceAgent.WebhookLoad;

/// <summary>
/// One run's measurements: the latency of every request that got an answer or a failure (failed ones included),
/// how many were started, and what failed. Requests cut off by the time limit have no latency.
/// </summary>
public sealed record LoadResult(double[] LatenciesMs, int Attempted, int Errors, string? FirstError)
{
    public int Completed => LatenciesMs.Length;
}
