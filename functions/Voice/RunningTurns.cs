using System.Collections.Concurrent;

namespace VoiceAgent.Functions.Voice;

/// <summary>
/// Turns still running after the webhook answered with a filler, by turn token, so the continuation on the same
/// instance can pick up the result at once. Another instance finds it in the call session instead.
/// </summary>
public sealed class RunningTurns
{
    private static readonly TimeSpan KeepFinished = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<string, Task<string>> _turns = new(StringComparer.Ordinal);

    /// <summary>Starts <paramref name="work"/> detached from the request, bounded by <paramref name="deadline"/>.</summary>
    public Task<string> Start(string token, TimeSpan deadline, Func<CancellationToken, Task<string>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var turn = Task.Run(async () =>
        {
            using var timeout = new CancellationTokenSource(deadline);
            return await work(timeout.Token);
        });
        _turns[token] = turn;
        _ = turn.ContinueWith(
            async _ =>
            {
                await Task.Delay(KeepFinished);
                _turns.TryRemove(token, out var _);
            },
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default);
        return turn;
    }

    public Task<string>? Find(string token) => _turns.TryGetValue(token, out var turn) ? turn : null;
}
