using System.Net;
using System.Net.Http.Json;
using Microsoft.DurableTask.Client;

namespace VoiceAgent.LocalFunctionsHost.Tests.Durable;

/// <summary>
/// Orchestrator and activity functions run on the Durable Task engine over DurableTask.AzureStorage on Azurite,
/// registered from functions.metadata: typed inputs, a durable timer against an external event, a [DurableClient]
/// starter over HTTP.
/// </summary>
[Collection(DurableCollection.Name)]
public sealed class DurableFunctionsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Orchestrator_CallsAnActivityWithItsTypedInput_CompletesWithTheActivitysResult()
    {
        await using var host = await DurableHost.StartAsync(azurite);
        var workflows = host.Workflows();

        var id = await workflows.ScheduleNewOrchestrationInstanceAsync(nameof(WorkflowFunctions.Greet), new Visitor("Ada", 3));
        var done = await workflows.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("Hello Ada, visit 3", done.ReadOutputAs<string>());
    }

    /// <summary>The isolated worker's serializer reads property names case-insensitively; the Durable Task SDK's default does not.</summary>
    [Fact]
    public async Task Orchestrator_InputWithCamelCaseNames_BindsAsTheWorkerWould()
    {
        await using var host = await DurableHost.StartAsync(azurite);
        var workflows = host.Workflows();

        var id = await workflows.ScheduleNewOrchestrationInstanceAsync(nameof(WorkflowFunctions.Greet), new { name = "Grace", visits = 2 });
        var done = await workflows.CompletionAsync(id);

        Assert.Equal("Hello Grace, visit 2", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task DurableTimer_EventArrivesFirst_TheEventWins()
    {
        await using var host = await DurableHost.StartAsync(azurite);
        var workflows = host.Workflows();

        var id = await workflows.ScheduleNewOrchestrationInstanceAsync("Approval", 60);
        await workflows.RunningAsync(id);
        await workflows.RaiseEventAsync(id, WorkflowFunctions.Approved, "Lin");
        var done = await workflows.CompletionAsync(id);

        Assert.Equal("approved by Lin", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task DurableTimer_NoEvent_FiresAndTheWorkflowGoesOn()
    {
        await using var host = await DurableHost.StartAsync(azurite);
        var workflows = host.Workflows();

        var id = await workflows.ScheduleNewOrchestrationInstanceAsync("Approval", 1);
        var done = await workflows.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("timed out", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task DurableClient_HttpStarter_StartsTheOrchestrationOnTheHostsHub()
    {
        await using var host = await DurableHost.StartAsync(azurite);

        using var response = await host.Client.PostAsync("/api/greetings/Hopper", content: null);
        var id = await response.Content.ReadFromJsonAsync<string>();
        var done = await host.Workflows().CompletionAsync(id!);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Hello Hopper, visit 1", done.ReadOutputAs<string>());
    }

    /// <summary>The attribute is in the assembly, but functions.metadata is the only list: no such orchestrator runs.</summary>
    [Fact]
    public async Task Registration_OrchestratorNotInMetadata_IsNotRegistered()
    {
        await using var host = await DurableHost.StartAsync(azurite);
        var workflows = host.Workflows();

        var id = await workflows.ScheduleNewOrchestrationInstanceAsync(nameof(WorkflowFunctions.Unlisted));
        var done = await workflows.CompletionAsync(id);

        // Failed, not completed: the function (which would return a value) never ran. The sidecar does not keep the
        // failure details (OrchestratorTaskNotFound) on the instance.
        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
    }

    /// <summary>An orchestration named by its binding (<c>orchestration</c>) is registered under that name, not the function's.</summary>
    [Fact]
    public async Task Registration_NamedOrchestration_IsRegisteredUnderItsBindingsName()
    {
        await using var host = await DurableHost.StartAsync(azurite);
        var workflows = host.Workflows();

        var byFunctionName = await workflows.ScheduleNewOrchestrationInstanceAsync(nameof(WorkflowFunctions.AwaitApproval), 1);
        var byBindingName = await workflows.ScheduleNewOrchestrationInstanceAsync("Approval", 1);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, (await workflows.CompletionAsync(byFunctionName)).RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await workflows.CompletionAsync(byBindingName)).RuntimeStatus);
    }
}
