namespace VoiceAgent.LocalFunctionsHost.Tests.Hosting;

/// <summary>The runs of the timer functions of one host (a DI singleton), and a way to wait for one without sleeping.</summary>
public sealed class TimerRecorder
{
    /// <summary>How long a test waits for a run it expects: generous, as it only bounds a failure.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly Lock _lock = new();
    private readonly List<TimerRun> _runs = [];
    private readonly List<(string Function, int Number, TaskCompletionSource<TimerRun> Run)> _waiting = [];

    public void Record(TimerRun run)
    {
        lock (_lock)
        {
            _runs.Add(run);
            var number = _runs.Count(r => r.Function == run.Function);
            foreach (var waiter in _waiting.Where(w => w.Function == run.Function && w.Number == number).ToList())
            {
                _waiting.Remove(waiter);
                waiter.Run.SetResult(run);
            }
        }
    }

    public IReadOnlyList<TimerRun> RunsOf(string function)
    {
        lock (_lock)
        {
            return [.. _runs.Where(r => r.Function == function)];
        }
    }

    /// <summary>The <paramref name="number"/>th run of <paramref name="function"/>, once it has happened (at most <see cref="Patience"/>).</summary>
    public Task<TimerRun> WaitForRunAsync(string function, int number = 1)
    {
        lock (_lock)
        {
            var runs = _runs.Where(r => r.Function == function).ToList();
            if (runs.Count >= number)
            {
                return Task.FromResult(runs[number - 1]);
            }

            var run = new TaskCompletionSource<TimerRun>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((function, number, run));
            return run.Task.WaitAsync(Patience);
        }
    }
}
