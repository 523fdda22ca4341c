using VoiceAgent.LocalFunctionsHost.Invocation;

namespace VoiceAgent.LocalFunctionsHost.Triggers;

/// <summary>
/// One timer function's place in its schedule: the occurrence it waits for next, and how far its runs have got, so
/// that moving a fake clock can wait for the run of an occurrence to finish rather than for a delay to elapse.
/// </summary>
public sealed class ScheduledTimer
{
    private readonly Lock _lock = new();
    private readonly List<(DateTimeOffset Occurrence, TaskCompletionSource Ran)> _waiting = [];
    private DateTimeOffset _ranThrough;
    private DateTimeOffset _nextDue;
    private bool _stopped;
    private TaskCompletionSource _clockMoved = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ScheduledTimer(FunctionEntryPoint function, TimerSchedule schedule, DateTimeOffset started)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        Function = function;
        Schedule = schedule;
        _ranThrough = started;
        _nextDue = schedule.Next(started);
    }

    public FunctionEntryPoint Function { get; }

    public TimerSchedule Schedule { get; }

    /// <summary>The occurrence the timer waits for; the one after the last it ran for (or after the host started).</summary>
    public DateTimeOffset NextDue
    {
        get
        {
            lock (_lock)
            {
                return _nextDue;
            }
        }
    }

    /// <summary>The last occurrence accounted for: the start, or the instant its last run stood for.</summary>
    public DateTimeOffset RanThrough
    {
        get
        {
            lock (_lock)
            {
                return _ranThrough;
            }
        }
    }

    /// <summary>A run finished (or failed) for every occurrence up to <paramref name="through"/>.</summary>
    public void Ran(DateTimeOffset through)
    {
        List<TaskCompletionSource> done;
        lock (_lock)
        {
            _ranThrough = through;
            _nextDue = Schedule.Next(through);
            done = [.. _waiting.Where(w => w.Occurrence <= through).Select(w => w.Ran)];
            _waiting.RemoveAll(w => w.Occurrence <= through);
        }

        done.ForEach(ran => ran.TrySetResult());
    }

    /// <summary>Completes once a run has finished for <paramref name="occurrence"/>; cancelled if the schedule stops first.</summary>
    public Task WhenRanThroughAsync(DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_ranThrough >= occurrence)
            {
                return Task.CompletedTask;
            }

            if (_stopped)
            {
                return Task.FromCanceled(new CancellationToken(canceled: true));
            }

            var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((occurrence, ran));
            return ran.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Completes the next time the clock is moved by hand (<see cref="NotifyClockMoved"/>). A wait on a fake clock is
    /// set relative to the time it is created: one created just after the clock jumped would wait a whole interval past
    /// the jump, so the timer also wakes on this and measures its wait again.
    /// </summary>
    public Task ClockMoved
    {
        get
        {
            lock (_lock)
            {
                return _clockMoved.Task;
            }
        }
    }

    public void NotifyClockMoved()
    {
        TaskCompletionSource moved;
        lock (_lock)
        {
            moved = _clockMoved;
            _clockMoved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        moved.TrySetResult();
    }

    /// <summary>The host stopped: no run will come for the occurrences still awaited.</summary>
    public void Stop()
    {
        List<TaskCompletionSource> waiting;
        lock (_lock)
        {
            _stopped = true;
            waiting = [.. _waiting.Select(w => w.Ran)];
            _waiting.Clear();
        }

        waiting.ForEach(ran => ran.TrySetCanceled());
    }
}
