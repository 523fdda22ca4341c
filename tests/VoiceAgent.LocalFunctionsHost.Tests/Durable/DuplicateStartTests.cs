using DurableTask.Core.Exceptions;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace VoiceAgent.LocalFunctionsHost.Tests.Durable;

/// <summary>
/// Starts for an instance id that exists, and events for instances that are gone, follow the Durable extension's rules
/// (host.json <c>overridableExistingInstanceStates</c>), not the bare sidecar's, which replaces any instance.
/// </summary>
[Collection(DurableCollection.Name)]
public sealed class DuplicateStartTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Start_IdOfARunningInstance_IsRefusedAndTheInstanceRunsOn()
    {
        await using var host = await DurableHost.StartAsync(azurite);
        var workflows = host.Workflows();
        var id = await workflows.ScheduleNewOrchestrationInstanceAsync(nameof(WorkflowFunctions.AwaitEvent));
        await workflows.RunningAsync(id);

        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() =>
            workflows.ScheduleNewOrchestrationInstanceAsync(nameof(WorkflowFunctions.Greet), new Visitor("Ada", 1), new StartOrchestrationOptions(id)));
        await workflows.RaiseEventAsync(id, WorkflowFunctions.Approved, "first");
        var done = await workflows.CompletionAsync(id);

        Assert.Equal(nameof(WorkflowFunctions.AwaitEvent), done.Name);
        Assert.Equal("first", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Start_IdOfACompletedInstance_ReplacesIt()
    {
        await using var host = await DurableHost.StartAsync(azurite);
        var workflows = host.Workflows();
        var id = await workflows.ScheduleNewOrchestrationInstanceAsync(nameof(WorkflowFunctions.Greet), new Visitor("Ada", 1));
        await workflows.CompletionAsync(id);

        await workflows.ScheduleNewOrchestrationInstanceAsync(nameof(WorkflowFunctions.Greet), new Visitor("Ada", 2), new StartOrchestrationOptions(id));
        var again = await WaitForOutputAsync(workflows, id, "Hello Ada, visit 2");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, again.RuntimeStatus);
    }

    [Fact]
    public async Task Start_IdOfACompletedInstanceWithCompletedInDedupeStatuses_IsRefused()
    {
        await using var host = await DurableHost.StartAsync(azurite);
        var workflows = host.Workflows();
        var id = await workflows.ScheduleNewOrchestrationInstanceAsync(nameof(WorkflowFunctions.Greet), new Visitor("Ada", 1));
        await workflows.CompletionAsync(id);

        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() => workflows.ScheduleNewOrchestrationInstanceAsync(
            nameof(WorkflowFunctions.Greet),
            new Visitor("Ada", 2),
            new StartOrchestrationOptions(id) { DedupeStatuses = [nameof(OrchestrationRuntimeStatus.Completed)] }));
        var unchanged = await workflows.CompletionAsync(id);

        Assert.Equal("Hello Ada, visit 1", unchanged.ReadOutputAs<string>());
    }

    /// <summary>With <c>overridableExistingInstanceStates: AnyState</c> a start replaces a running instance, terminating it first.</summary>
    [Fact]
    public async Task Start_IdOfARunningInstanceWithAnyState_TerminatesAndReplacesIt()
    {
        await using var host = await DurableHost.StartAsync(azurite, moreDurableSettings: "\"overridableExistingInstanceStates\": \"AnyState\",");
        var workflows = host.Workflows();
        var id = await workflows.ScheduleNewOrchestrationInstanceAsync(nameof(WorkflowFunctions.AwaitEvent));
        await workflows.RunningAsync(id);

        await workflows.ScheduleNewOrchestrationInstanceAsync(nameof(WorkflowFunctions.Greet), new Visitor("Ada", 5), new StartOrchestrationOptions(id));
        var replaced = await WaitForOutputAsync(workflows, id, "Hello Ada, visit 5");

        Assert.Equal(nameof(WorkflowFunctions.Greet), replaced.Name);
    }

    [Fact]
    public async Task RaiseEvent_UnknownInstance_IsNotFound()
    {
        await using var host = await DurableHost.StartAsync(azurite);

        var error = await Assert.ThrowsAsync<RpcException>(() => host.Workflows().RaiseEventAsync("no-such-instance", WorkflowFunctions.Approved, "x"));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task RaiseEvent_CompletedInstance_IsFailedPrecondition()
    {
        await using var host = await DurableHost.StartAsync(azurite);
        var workflows = host.Workflows();
        var id = await workflows.ScheduleNewOrchestrationInstanceAsync(nameof(WorkflowFunctions.Greet), new Visitor("Ada", 1));
        await workflows.CompletionAsync(id);

        var error = await Assert.ThrowsAsync<RpcException>(() => workflows.RaiseEventAsync(id, WorkflowFunctions.Approved, "late"));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    /// <summary>A replaced instance reads as completed (the old one) until the new one has run: wait for the new output.</summary>
    private static async Task<OrchestrationMetadata> WaitForOutputAsync(DurableTaskClient workflows, string id, string output)
    {
        using var patience = new CancellationTokenSource(DurableHost.Patience);
        while (true)
        {
            var instance = await workflows.GetInstanceAsync(id, getInputsAndOutputs: true, patience.Token);
            if (instance is { IsCompleted: true } && instance.SerializedOutput is not null && instance.ReadOutputAs<string>() == output)
            {
                return instance;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), patience.Token);
        }
    }
}
