using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using VoiceAgent.LocalFunctionsHost.Invocation;

namespace VoiceAgent.LocalFunctionsHost.Triggers;

/// <summary>
/// Runs <c>timerTrigger</c> functions on their schedules, on the app's <see cref="TimeProvider"/>: real time by default,
/// a fake clock in tests and under <c>tools/dev --clock</c>, so moving the clock fires the timers that fall due.
/// <c>runOnStartup</c> is honoured; a failed run is logged and the schedule goes on (the host does not retry timers).
/// <see cref="AdvanceAsync"/> moves a fake clock one occurrence at a time, so every run happens at its own time.
/// </summary>
public sealed partial class TimerTriggerScheduler(
    LocalFunctionCatalog catalog,
    FunctionInvoker invoker,
    IServiceScopeFactory scopes,
    TimeProvider time,
    IConfiguration configuration,
    ILogger<TimerTriggerScheduler> logger) : BackgroundService
{
    public const string BindingType = "timerTrigger";

    /// <summary>The longest one timer can wait is ~49.7 days; a later occurrence (a yearly schedule) is waited for in steps.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(30);

    private IReadOnlyList<ScheduledTimer> _timers = [];

    /// <summary>
    /// Schedules start when the host starts. ExecuteAsync runs later, on the thread pool (.NET 10), when a fake clock
    /// may already have been moved: reading the start there would lose the occurrences in between.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        _timers = [.. catalog.Functions.Where(IsTimer).Select(f => new ScheduledTimer(f, ScheduleOf(f), started))];
        return base.StartAsync(cancellationToken);
    }

    /// <summary>Runs a timer function now, outside its schedule (the host's <c>POST /admin/functions/{name}</c>).</summary>
    public Task RunNowAsync(FunctionEntryPoint function, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        var now = time.GetUtcNow();
        var schedule = ScheduleOf(function);
        return InvokeAsync(function, new TimerInfo { ScheduleStatus = Status(now, now, schedule.Next(now)) }, cancellationToken);
    }

    /// <summary>
    /// Moves <paramref name="clock"/> (the app's) to each timer occurrence in turn up to <paramref name="to"/>
    /// (inclusive): at each, waits until every timer due then has finished its run, then calls
    /// <paramref name="afterEachFiring"/>; finally sets the clock to <paramref name="to"/>. Runs are awaited by
    /// occurrence, never by elapsed time, so no run is overtaken by the next move of the clock.
    /// </summary>
    public async Task AdvanceAsync(FakeTimeProvider clock, DateTimeOffset to, Func<CancellationToken, Task> afterEachFiring, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(afterEachFiring);
        ArgumentOutOfRangeException.ThrowIfLessThan(to, clock.GetUtcNow());
        while (_timers.Count > 0)
        {
            var next = _timers.Min(t => t.NextDue);
            if (next > to)
            {
                break;
            }

            var firing = _timers.Where(t => t.NextDue == next).ToList();
            if (clock.GetUtcNow() < next)
            {
                clock.SetUtcNow(next);
            }

            NotifyClockMoved();

            await Task.WhenAll(firing.Select(t => t.WhenRanThroughAsync(next, cancellationToken)));
            await afterEachFiring(cancellationToken);
        }

        if (clock.GetUtcNow() < to)
        {
            clock.SetUtcNow(to);
        }

        NotifyClockMoved();
    }

    private void NotifyClockMoved()
    {
        foreach (var timer in _timers)
        {
            timer.NotifyClockMoved();
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(_timers.Select(t => RunAsync(t, stoppingToken)));

    private async Task RunAsync(ScheduledTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            await RunScheduleAsync(timer, stoppingToken);
        }
        finally
        {
            timer.Stop();
        }
    }

    private async Task RunScheduleAsync(ScheduledTimer timer, CancellationToken stoppingToken)
    {
        var schedule = timer.Schedule;
        if (timer.Function.Definition.Trigger.Flag("runOnStartup"))
        {
            var started = timer.RanThrough;
            await InvokeAsync(timer.Function, new TimerInfo { ScheduleStatus = Status(started, started, schedule.Next(started)) }, stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var last = timer.RanThrough;
            var due = timer.NextDue;
            // The clock-moved signal is taken before the wait is measured: a jump after that wakes the wait, one before it shortens it.
            while (timer.ClockMoved is var moved && due - time.GetUtcNow() is var wait && wait > TimeSpan.Zero)
            {
                await Task.WhenAny(Task.Delay(wait < LongestWait ? wait : LongestWait, time, stoppingToken), moved);
                if (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }

            var now = time.GetUtcNow();
            // Like the host: late by more than a schedule step means the run is past due (the clock jumped or the app slept).
            var pastDue = now > schedule.Next(due);
            await InvokeAsync(timer.Function, new TimerInfo { IsPastDue = pastDue, ScheduleStatus = Status(last, now, schedule.Next(now)) }, stoppingToken);
            timer.Ran(pastDue ? now : due);
        }
    }

    private async Task InvokeAsync(FunctionEntryPoint function, TimerInfo timer, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await invoker.InvokeAsync(function, scope.ServiceProvider, timer, new Dictionary<string, object?>(), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, function.Name, ex);
        }
    }

    private static bool IsTimer(FunctionEntryPoint function) => function.Definition.Trigger.Type.Equals(BindingType, StringComparison.OrdinalIgnoreCase);

    /// <summary>The schedule, with a <c>%Setting%</c> expression read from the app's settings as the host does.</summary>
    private TimerSchedule ScheduleOf(FunctionEntryPoint function)
    {
        var expression = function.Definition.Trigger.Text("schedule") ?? throw new InvalidOperationException($"Timer {function.Name} has no schedule.");
        if (expression.Length > 2 && expression[0] == '%' && expression[^1] == '%')
        {
            var setting = expression[1..^1];
            expression = configuration[setting] ?? throw new InvalidOperationException($"Timer {function.Name}: its schedule setting {setting} is not set.");
        }

        return TimerSchedule.Parse(expression);
    }

    private static ScheduleStatus Status(DateTimeOffset last, DateTimeOffset updated, DateTimeOffset next) =>
        new() { Last = last.UtcDateTime, LastUpdated = updated.UtcDateTime, Next = next.UtcDateTime };

    [LoggerMessage(EventId = 9201, Level = LogLevel.Error, Message = "Timer function {Function} failed; it runs again at its next occurrence")]
    private static partial void LogFailed(ILogger logger, string function, Exception exception);
}
