using VoiceAgent.LocalFunctionsHost.Durable;
using VoiceAgent.LocalFunctionsHost.Invocation;

namespace VoiceAgent.LocalFunctionsHost.Triggers;

/// <summary>
/// The triggers this host runs, and what each offers a function's other parameters by name. A function with any
/// other trigger (a queue, an entity, …) fails the host at start: it would otherwise never run.
/// </summary>
public static class TriggerRunners
{
    public static IReadOnlyCollection<string> TriggerData(FunctionEntryPoint function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var type = function.Definition.Trigger.Type;
        if (type.Equals(HttpTriggerEndpoints.BindingType, StringComparison.OrdinalIgnoreCase))
        {
            return HttpTriggerEndpoints.RouteParameters(function);
        }

        if (type.Equals(TimerTriggerScheduler.BindingType, StringComparison.OrdinalIgnoreCase)
            || type.Equals(DurableFunction.ActivityTrigger, StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        if (type.Equals(DurableFunction.OrchestrationTrigger, StringComparison.OrdinalIgnoreCase))
        {
            return DurableFunction.From(function)?.Input?.Name is { } input ? [input] : [];
        }

        throw new NotSupportedException($"Function {function.Name}: the local host does not run '{type}' triggers.");
    }
}
