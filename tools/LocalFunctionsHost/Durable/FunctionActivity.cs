using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;
using VoiceAgent.LocalFunctionsHost.Invocation;

namespace VoiceAgent.LocalFunctionsHost.Durable;

/// <summary>
/// An activity function as a Durable Task activity: invoked through the <see cref="FunctionInvoker"/> in the worker's
/// service scope for this run, its input deserialized to the <c>activityTrigger</c> parameter's type, and its
/// <see cref="CancellationToken"/> cancelled when the host stops (as the invocation's is).
/// </summary>
public sealed class FunctionActivity(DurableFunction activity, FunctionInvoker invoker, IServiceProvider services) : ITaskActivity
{
    public Type InputType => activity.InputType;

    public Type OutputType => typeof(object);

    public Task<object?> RunAsync(TaskActivityContext context, object? input) =>
        invoker.InvokeAsync(
            activity.Function,
            services,
            input,
            new Dictionary<string, object?>(),
            services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
}
