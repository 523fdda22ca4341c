using System.Reflection;
using Microsoft.DurableTask;
using VoiceAgent.LocalFunctionsHost.Invocation;

namespace VoiceAgent.LocalFunctionsHost.Durable;

/// <summary>
/// An orchestrator or activity function as the Durable extension registers it from <c>functions.metadata</c>: its
/// task name (the binding's <c>orchestration</c> or <c>activity</c>, else the function's name) and its input.
/// </summary>
/// <param name="Input">
/// The parameter the input binds to. An activity's is its <c>activityTrigger</c> parameter; an orchestrator's is the
/// first parameter that is neither a binding nor a <see cref="CancellationToken"/>, as the isolated extension binds it
/// (<c>OrchestrationInputConverter</c>), or none.
/// </param>
public sealed record DurableFunction(FunctionEntryPoint Function, TaskName Name, ParameterInfo? Input)
{
    public const string OrchestrationTrigger = "orchestrationTrigger";
    public const string ActivityTrigger = "activityTrigger";
    public const string DurableClient = "durableClient";
    public const string EntityTrigger = "entityTrigger";

    /// <summary>What the input is deserialized to (<see cref="object"/> for an orchestrator without one).</summary>
    public Type InputType => Input?.ParameterType ?? typeof(object);

    public static DurableFunction? From(FunctionEntryPoint function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var trigger = function.Definition.Trigger;
        var parameters = function.Method.GetParameters();
        if (trigger.Type.Equals(OrchestrationTrigger, StringComparison.OrdinalIgnoreCase))
        {
            var context = parameters.FirstOrDefault(p => p.Name == trigger.Name);
            if (context is null || !context.ParameterType.IsAssignableFrom(typeof(TaskOrchestrationContext)))
            {
                throw new NotSupportedException($"Function {function.Name}: an orchestrationTrigger parameter is a {nameof(TaskOrchestrationContext)} (parameter {trigger.Name}).");
            }

            var input = parameters.FirstOrDefault(p =>
                p.ParameterType != typeof(CancellationToken)
                && !function.Definition.Bindings.Any(b => b.Name == p.Name));
            return new DurableFunction(function, new TaskName(trigger.Text("orchestration") ?? function.Name), input);
        }

        if (trigger.Type.Equals(ActivityTrigger, StringComparison.OrdinalIgnoreCase))
        {
            var input = parameters.FirstOrDefault(p => p.Name == trigger.Name)
                ?? throw new NotSupportedException($"Function {function.Name}: no parameter {trigger.Name} for its activityTrigger.");
            return new DurableFunction(function, new TaskName(trigger.Text("activity") ?? function.Name), input);
        }

        return null;
    }

    /// <summary>Whether the function needs the Durable engine: a Durable trigger or a <c>[DurableClient]</c> binding.</summary>
    public static bool NeedsEngine(FunctionEntryPoint function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return function.Definition.Bindings.Any(b =>
            b.Type.Equals(OrchestrationTrigger, StringComparison.OrdinalIgnoreCase)
            || b.Type.Equals(ActivityTrigger, StringComparison.OrdinalIgnoreCase)
            || b.Type.Equals(DurableClient, StringComparison.OrdinalIgnoreCase));
    }
}
