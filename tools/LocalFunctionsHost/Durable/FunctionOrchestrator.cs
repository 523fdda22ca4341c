using Microsoft.DurableTask;
using VoiceAgent.LocalFunctionsHost.Invocation;

namespace VoiceAgent.LocalFunctionsHost.Durable;

/// <summary>
/// An orchestrator function as a Durable Task orchestrator: each episode (replay) invokes the function's method through
/// the <see cref="FunctionInvoker"/> in a service scope of its own, with the context as its <c>orchestrationTrigger</c>
/// parameter and the orchestration's input, deserialized to the input parameter's type.
/// </summary>
/// <remarks>
/// The Durable Task worker gives orchestrators no service provider, and an episode that ends waiting (for an activity,
/// a timer, an event) never completes its task: its scope is disposed when the orchestration completes in that episode,
/// and otherwise left to the garbage collector. Orchestrators only decide, so they take no disposable scoped services.
/// </remarks>
public sealed class FunctionOrchestrator(DurableFunction orchestrator, IServiceScopeFactory scopes) : ITaskOrchestrator
{
    public Type InputType => orchestrator.InputType;

    public Type OutputType => typeof(object);

    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        var triggerData = orchestrator.Input is { Name: { } name }
            ? new Dictionary<string, object?> { [name] = input }
            : new Dictionary<string, object?>();
        var scope = scopes.CreateAsyncScope();
        var invoker = scope.ServiceProvider.GetRequiredService<FunctionInvoker>();

        // No cancellation: an orchestrator episode is replayed, never cut short.
        var run = invoker.InvokeAsync(orchestrator.Function, scope.ServiceProvider, context, triggerData, CancellationToken.None);
        // Host bookkeeping on the thread pool, not orchestrator code: it schedules nothing in the orchestration.
#pragma warning disable DURABLE0004
        _ = run.ContinueWith(_ => scope.DisposeAsync().AsTask(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
#pragma warning restore DURABLE0004
        return run;
    }
}
