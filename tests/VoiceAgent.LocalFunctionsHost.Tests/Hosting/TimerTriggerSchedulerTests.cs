using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using static VoiceAgent.LocalFunctionsHost.Tests.Hosting.TimerFunctions;

namespace VoiceAgent.LocalFunctionsHost.Tests.Hosting;

/// <summary>Timer triggers run on their NCRONTAB schedule on the app's clock; a fake clock only moves when told.</summary>
public sealed class TimerTriggerSchedulerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Schedule_ClockMovedPastFiveMinutes_FiresOnceAtItsTimeNotBefore()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await TestFunctionsHost.StartAsync(TestFunctionsMetadata.Timers, clock);

        clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(2));
        var run = await host.Timers.WaitForRunAsync(EveryFiveMinutes);

        // Run at 09:05:01, so not while the clock stood at 09:04:59; the next one is 09:10.
        Assert.Equal(Start + TimeSpan.FromSeconds(301), run.At);
        Assert.False(run.Timer.IsPastDue);
        Assert.Equal((Start + TimeSpan.FromMinutes(10)).UtcDateTime, run.Timer.ScheduleStatus!.Next);
        Assert.Single(host.Timers.RunsOf(EveryFiveMinutes));
    }

    [Fact]
    public async Task RunOnStartup_HostStarts_RunsWithoutTheClockMoving()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await TestFunctionsHost.StartAsync(TestFunctionsMetadata.Timers, clock);

        var run = await host.Timers.WaitForRunAsync(OnStartup);

        Assert.Equal(Start, run.At);
        Assert.Equal(new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc), run.Timer.ScheduleStatus!.Next);
        Assert.Empty(host.Timers.RunsOf(EveryFiveMinutes)); // runOnStartup is per function
    }

    /// <summary>
    /// Regression: the schedule starts when the host starts. On .NET 10 a BackgroundService's ExecuteAsync runs on the
    /// thread pool, so a clock moved right after start (tests, tools/dev --clock) used to be read as the start time and
    /// the occurrences in between were lost.
    /// </summary>
    [Fact]
    public async Task Schedule_ClockMovedAsTheHostStarts_FiresTheOccurrenceThatFellDue()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await TestFunctionsHost.StartAsync(
            TestFunctionsMetadata.Timers,
            clock,
            services: s => s.AddHostedService(_ => new ClockJump(clock, TimeSpan.FromMinutes(6))));

        var run = await host.Timers.WaitForRunAsync(EveryFiveMinutes);

        Assert.Equal(Start + TimeSpan.FromMinutes(6), run.At);
        Assert.Equal((Start + TimeSpan.FromMinutes(10)).UtcDateTime, run.Timer.ScheduleStatus!.Next);
    }

    /// <summary>Regression: a next run further away than one timer can wait (~49.7 days) used to end that timer's schedule.</summary>
    [Fact]
    public async Task Schedule_NextRunMonthsAway_FiresWhenTheClockGetsThere()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));
        await using var host = await TestFunctionsHost.StartAsync(TestFunctionsMetadata.Timers, clock);

        clock.Advance(new DateTimeOffset(2027, 1, 1, 0, 0, 1, TimeSpan.Zero) - clock.GetUtcNow());
        var run = await host.Timers.WaitForRunAsync(Yearly);

        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 1, TimeSpan.Zero), run.At);
        Assert.Single(host.Timers.RunsOf(Yearly));
    }

    /// <summary>Moves the clock while the host is starting, just after the scheduler has started.</summary>
    private sealed class ClockJump(FakeTimeProvider clock, TimeSpan by) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            clock.Advance(by);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
