using System.Collections.Concurrent;

namespace VoiceAgent.Functions.Voice;

/// <summary>
/// Turns still running after the webhook answered with a filler, by turn token, so the continuation on the same
/// instance can pick up the result at once, and a retried turn with the same token joins the running one instead of
/// starting the engine again. Another instance finds the finished turn in the call session instead.
/// </summary>
public sealed class RunningTurns(WebhookClock clock)
{
    private static readonly TimeSpan KeepFinished = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _turns = new(StringComparer.Ordinal);

    /// <summary>
    /// The turn for <paramref name="token"/>: the one already running, or <paramref name="work"/> started detached from the
    /// request and bounded by <paramref name="deadline"/>. Atomic: two requests with one token start it once.
    /// </summary>
    public Task<string> GetOrStart(string token, TimeSpan deadline, Func<CancellationToken, Task<string>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var started = new Lazy<Task<string>>(() => Run(token, deadline, work), LazyThreadSafetyMode.ExecutionAndPublication);
        var turn = _turns.GetOrAdd(token, started);
        return turn.Value;
    }

    public Task<string>? Find(string token) => _turns.TryGetValue(token, out var turn) ? turn.Value : null;

    private Task<string> Run(string token, TimeSpan deadline, Func<CancellationToken, Task<string>> work)
    {
        var turn = Task.Run(async () =>
        {
            using var timeout = new CancellationTokenSource(deadline, clock.Time);
            return await work(timeout.Token);
        });
        _ = turn.ContinueWith(
            async _ =>
            {
                await clock.Delay(KeepFinished, CancellationToken.None);
                _turns.TryRemove(token, out var _);
            },
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default);
        return turn;
    }
}
