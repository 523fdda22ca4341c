using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VoiceAgent.LocalFunctionsHost.Triggers;
using static VoiceAgent.LocalFunctionsHost.Tests.Hosting.TimerFunctions;

namespace VoiceAgent.LocalFunctionsHost.Tests.Hosting;

/// <summary>
/// Moving a fake clock far ahead fires every timer at each of its own occurrences, in order, and waits for each run
/// (however long it takes in real time) before the clock moves on: the scenario runner and <c>tools/dev --clock</c>.
/// </summary>
public sealed class TimerAdvanceTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AdvanceAsync_PastSeveralOccurrences_FiresEachAtItsTimeAndWaitsForItsRun()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await TestFunctionsHost.StartAsync(TestFunctionsMetadata.Combine(TestFunctionsMetadata.Timers, TestFunctionsMetadata.SlowTimer), clock);
        var seen = new List<(DateTimeOffset At, int Fast, int Slow)>();

        await Scheduler(host).AdvanceAsync(
            clock,
            Start + TimeSpan.FromMinutes(22),
            _ =>
            {
                seen.Add((clock.GetUtcNow(), host.Timers.RunsOf(EveryFiveMinutes).Count, host.Timers.RunsOf(SlowEveryTenMinutes).Count));
                return Task.CompletedTask;
            },
            CancellationToken.None);

        // One firing per instant a timer is due, each seen only after every run due then had finished (the slow one too).
        Assert.Equal(
            [(At(5), 1, 0), (At(10), 2, 1), (At(15), 3, 1), (At(20), 4, 2)],
            seen);
        Assert.Equal([At(5), At(10), At(15), At(20)], host.Timers.RunsOf(EveryFiveMinutes).Select(r => r.At));
        Assert.Equal([At(10), At(20)], host.Timers.RunsOf(SlowEveryTenMinutes).Select(r => r.At));
        Assert.All(host.Timers.RunsOf(EveryFiveMinutes), r => Assert.False(r.Timer.IsPastDue));
        Assert.Equal(At(22), clock.GetUtcNow());
    }

    [Fact]
    public async Task AdvanceAsync_ToAnOccurrence_FiresItThere()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await TestFunctionsHost.StartAsync(TestFunctionsMetadata.Timers, clock);

        await Scheduler(host).AdvanceAsync(clock, At(5), _ => Task.CompletedTask, CancellationToken.None);

        Assert.Equal([At(5)], host.Timers.RunsOf(EveryFiveMinutes).Select(r => r.At));
        Assert.Equal(At(5), clock.GetUtcNow());
    }

    [Fact]
    public async Task AdvanceClock_ToAnInstant_StepsThroughEachOccurrence()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await TestFunctionsHost.StartAsync(TestFunctionsMetadata.Timers, clock);

        using var response = await host.Client.PostAsync($"/admin/host/clock?to={Uri.EscapeDataString(At(12).ToString("O"))}", content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([At(5), At(10)], host.Timers.RunsOf(EveryFiveMinutes).Select(r => r.At));
        Assert.Equal(At(12), clock.GetUtcNow());
    }

    [Theory]
    [InlineData("to=2026-12-01T08:00:00Z")] // before now
    [InlineData("to=tomorrow")]
    [InlineData("by=00:10:00&to=2026-12-01T10:00:00Z")] // one or the other
    [InlineData("")]
    [InlineData("by=00:10:00&settle=soon")]
    public async Task AdvanceClock_NotAClockMove_Is400AndTheClockStays(string query)
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await TestFunctionsHost.StartAsync(TestFunctionsMetadata.Timers, clock);

        using var response = await host.Client.PostAsync($"/admin/host/clock?{query}", content: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Start, clock.GetUtcNow());
    }

    private static TimerTriggerScheduler Scheduler(TestFunctionsHost host) => host.Host.Services.GetRequiredService<TimerTriggerScheduler>();

    private static DateTimeOffset At(int minutes) => Start + TimeSpan.FromMinutes(minutes);
}
