using Microsoft.Extensions.Time.Testing;

namespace VoiceAgent.Functions.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also tells a test when something starts waiting on it (a <c>Task.Delay</c>, a
/// timed <see cref="CancellationTokenSource"/>), so the test moves time only once the wait it means is registered: no
/// sleeps, and no advance that lands before the timer it was meant to fire.
/// </summary>
public sealed class ObservableTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    /// <summary>How long (real time) a test waits for a wait to start before it fails.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _unclaimed = [];
    private readonly List<(TimeSpan DueTime, TaskCompletionSource Started)> _expected = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        TaskCompletionSource? started = null;
        lock (_gate)
        {
            var index = _expected.FindIndex(e => e.DueTime == dueTime);
            if (index >= 0)
            {
                started = _expected[index].Started;
                _expected.RemoveAt(index);
            }
            else
            {
                _unclaimed.Add(dueTime);
            }
        }

        started?.TrySetResult();
        return timer;
    }

    /// <summary>
    /// Completes once something has started a wait of <paramref name="dueTime"/> on this clock (one that started
    /// earlier counts too). Each wait is claimed once: two calls for the same length need two waits. A wait that never
    /// starts fails the test after <see cref="Guard"/> of real time instead of hanging it.
    /// </summary>
    public async Task WaitStartedAsync(TimeSpan dueTime)
    {
        Task started;
        lock (_gate)
        {
            if (_unclaimed.Remove(dueTime))
            {
                return;
            }

            var expected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _expected.Add((dueTime, expected));
            started = expected.Task;
        }

        try
        {
            await started.WaitAsync(Guard);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Nothing started a wait of {dueTime} on the fake clock within {Guard.TotalSeconds} s.", ex);
        }
    }
}
