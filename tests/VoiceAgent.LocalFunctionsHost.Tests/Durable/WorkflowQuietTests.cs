using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VoiceAgent.LocalFunctionsHost.Triggers;

namespace VoiceAgent.LocalFunctionsHost.Tests.Durable;

/// <summary>
/// What the scenario runner waits on: no workflow pending or running, and a fake clock moved one timer occurrence at
/// a time, each occurrence's workflows finished before the clock moves on.
/// </summary>
[Collection(DurableCollection.Name)]
public sealed class WorkflowQuietTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task WaitForWorkflowsQuiet_AnInstanceWaitsForAnEvent_FalseUntilItEnds()
    {
        await using var host = await DurableHost.StartAsync(azurite);
        var workflows = host.Workflows();
        var id = await workflows.ScheduleNewOrchestrationInstanceAsync(nameof(WorkflowFunctions.AwaitEvent));

        var quietWhileWaiting = await host.Host.WaitForWorkflowsQuietAsync(TimeSpan.FromMilliseconds(500), CancellationToken.None);
        await workflows.RaiseEventAsync(id, WorkflowFunctions.Approved, "done");
        var quietAfter = await host.Host.WaitForWorkflowsQuietAsync(DurableHost.Patience, CancellationToken.None);

        Assert.False(quietWhileWaiting);
        Assert.True(quietAfter);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await workflows.GetInstanceAsync(id))?.RuntimeStatus);
    }

    [Fact]
    public async Task AdvanceAsync_TimerStartsAWorkflowEachTime_EachHasFinishedBeforeTheClockMovesOn()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await DurableHost.StartAsync(azurite, DurableTestMetadata.Combine(DurableTestMetadata.Workflows, DurableTestMetadata.ScheduledGreeting), clock: clock);
        var workflows = host.Workflows();
        var finished = new List<(DateTimeOffset At, string? Output)>();

        await host.Host.Services.GetRequiredService<TimerTriggerScheduler>().AdvanceAsync(
            clock,
            Start + TimeSpan.FromMinutes(15),
            async ct =>
            {
                Assert.True(await host.Host.WaitForWorkflowsQuietAsync(DurableHost.Patience, ct));
                var now = clock.GetUtcNow();
                var instance = await workflows.GetInstanceAsync($"greet-{now:HHmm}", getInputsAndOutputs: true, ct);
                finished.Add((now, instance?.ReadOutputAs<string>()));
            },
            CancellationToken.None);

        Assert.Equal(
            [
                (Start.AddMinutes(5), "Hello clock, visit 5"),
                (Start.AddMinutes(10), "Hello clock, visit 10"),
                (Start.AddMinutes(15), "Hello clock, visit 15"),
            ],
            finished);
    }
}
