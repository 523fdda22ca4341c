using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace VoiceAgent.LocalFunctionsHost.Tests.Durable;

/// <summary>
/// Durable functions as the isolated worker declares them: orchestrators on <see cref="TaskOrchestrationContext"/> with
/// their input as an extra parameter, activities with a typed <c>[ActivityTrigger]</c>, starters with <c>[DurableClient]</c>.
/// The local host reads them from <see cref="DurableTestMetadata"/>, not from these attributes.
/// </summary>
public sealed class WorkflowFunctions(TimeProvider time)
{
    public const string Approved = "Approved";

    [Function(nameof(Greet))]
    public async Task<string> Greet([OrchestrationTrigger] TaskOrchestrationContext context, Visitor visitor)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await context.CallActivityAsync<string>(nameof(SayHello), visitor);
    }

    [Function(nameof(SayHello))]
    public static string SayHello([ActivityTrigger] Visitor visitor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        cancellationToken.ThrowIfCancellationRequested();
        return $"Hello {visitor.Name}, visit {visitor.Visits}";
    }

    /// <summary>A durable timer against an external event: whichever comes first. Registered as "Approval" (its binding's name).</summary>
    [Function(nameof(AwaitApproval))]
    public static async Task<string> AwaitApproval([OrchestrationTrigger(Orchestration = "Approval")] TaskOrchestrationContext context, int waitSeconds)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var timeout = new CancellationTokenSource();
        var approval = context.WaitForExternalEvent<string>(Approved, timeout.Token);
        var timer = context.CreateTimer(context.CurrentUtcDateTime.AddSeconds(waitSeconds), timeout.Token);
        if (await Task.WhenAny(approval, timer) == approval)
        {
            // Synchronously, on the orchestration's thread: CancelAsync would continue on the thread pool and lose the episode.
#pragma warning disable CA1849
            timeout.Cancel();
#pragma warning restore CA1849
            return $"approved by {approval.Result}";
        }

        return "timed out";
    }

    /// <summary>Waits for one event, however long: a workflow that stays running.</summary>
    [Function(nameof(AwaitEvent))]
    public static Task<string> AwaitEvent([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.WaitForExternalEvent<string>(Approved);
    }

    /// <summary>A function with an orchestration trigger that functions.metadata does not list: the host must not run it.</summary>
    [Function(nameof(Unlisted))]
    public static Task<string> Unlisted([OrchestrationTrigger] TaskOrchestrationContext context) => Task.FromResult("should never run");

    [Function(nameof(StartGreeting))]
    public static async Task<IResult> StartGreeting(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "greetings/{name}")] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        string name)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var id = await durable.ScheduleNewOrchestrationInstanceAsync(nameof(Greet), new Visitor(name, 1), request.HttpContext.RequestAborted);
        return TypedResults.Accepted($"/api/greetings/{id}", id);
    }

    /// <summary>Every five minutes, greets "the clock" with the app's time: one orchestration per occurrence.</summary>
    [Function(nameof(GreetOnSchedule))]
    public async Task GreetOnSchedule([TimerTrigger("0 */5 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var now = time.GetUtcNow();
        await durable.ScheduleNewOrchestrationInstanceAsync(
            nameof(Greet),
            new Visitor("clock", now.Minute),
            new StartOrchestrationOptions($"greet-{now:HHmm}"),
            cancellationToken);
    }
}
