using System.Collections.Concurrent;

namespace VoiceAgent.TwilioApiStandIn;

/// <summary>
/// Work the stand-in does after answering a request (a call's life, a message's status callbacks), tracked so tests and
/// the scenario runner can wait until none is left. The tasks never fault: each records its own failures.
/// </summary>
internal sealed class BackgroundWork
{
    private readonly ConcurrentDictionary<long, Task> _running = new();
    private long _next;

    public int Count => _running.Count;

    public void Track(Task work)
    {
        var id = Interlocked.Increment(ref _next);
        _running[id] = work;
        _ = work.ContinueWith(_ => _running.TryRemove(id, out Task? _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>True once nothing is running (work started meanwhile is waited for too); false after <paramref name="max"/>.</summary>
    public async Task<bool> WaitUntilIdleAsync(TimeSpan max, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(max);
        while (_running.Values.ToArray() is { Length: > 0 } running)
        {
            try
            {
                await Task.WhenAll(running).WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }

        return true;
    }
}
