using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace VoiceAgent.LocalFunctionsHost.Invocation;

/// <summary>
/// Calls a function as the isolated worker does: an instance of its class made from the invocation's service scope
/// (constructor injection), its parameters bound by binding name (the trigger, input bindings, then trigger data such as
/// route values), a <see cref="CancellationToken"/> for the invocation, and its task awaited for the return value.
/// </summary>
public sealed class FunctionInvoker(IEnumerable<IInputBindingProvider> inputs)
{
    private readonly Dictionary<string, IInputBindingProvider> _inputs = inputs.ToDictionary(p => p.BindingType, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Fails at start for a parameter this host cannot supply, rather than on the first call. A parameter binds to the
    /// trigger, an input binding with a provider, a <see cref="CancellationToken"/>, or one of
    /// <paramref name="triggerData"/>: what the trigger offers by name (an HTTP route's values, an orchestrator's
    /// input); otherwise it needs a default value.
    /// </summary>
    public void EnsureBindable(FunctionEntryPoint function, IReadOnlyCollection<string> triggerData)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(triggerData);
        if (function.Method.GetParameters().FirstOrDefault(p => p.ParameterType == typeof(Microsoft.Azure.Functions.Worker.FunctionContext)) is { } context)
        {
            throw new NotSupportedException($"Function {function.Name}: the local host does not emulate FunctionContext (parameter {context.Name}).");
        }

        var trigger = function.Definition.Trigger;
        foreach (var binding in function.Definition.Bindings.Where(b => b != trigger && b.Direction.Equals("In", StringComparison.OrdinalIgnoreCase)))
        {
            if (!_inputs.ContainsKey(binding.Type))
            {
                throw new NotSupportedException($"Function {function.Name}: the local host has no '{binding.Type}' binding (parameter {binding.Name}).");
            }
        }

        foreach (var parameter in function.Method.GetParameters())
        {
            var bound = parameter.ParameterType == typeof(CancellationToken)
                || function.Definition.Bindings.Any(b => b.Direction.Equals("In", StringComparison.OrdinalIgnoreCase) && b.Name == parameter.Name)
                || triggerData.Contains(parameter.Name!, StringComparer.OrdinalIgnoreCase)
                || parameter.HasDefaultValue;
            if (!bound)
            {
                throw new NotSupportedException($"Function {function.Name}: nothing binds parameter '{parameter.Name}'.");
            }
        }
    }

    /// <param name="triggerValue">The value of the trigger parameter (an <c>HttpRequest</c>, a <c>TimerInfo</c>, …).</param>
    /// <param name="triggerData">Named values the trigger offers other parameters (route values for HTTP).</param>
    public async Task<object?> InvokeAsync(
        FunctionEntryPoint function,
        IServiceProvider services,
        object? triggerValue,
        IReadOnlyDictionary<string, object?> triggerData,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        var trigger = function.Definition.Trigger;
        var arguments = function.Method.GetParameters().Select(parameter =>
        {
            if (parameter.ParameterType == typeof(CancellationToken))
            {
                return cancellationToken;
            }

            if (string.Equals(parameter.Name, trigger.Name, StringComparison.Ordinal))
            {
                return triggerValue;
            }

            var input = function.Definition.Bindings.FirstOrDefault(b => b != trigger && string.Equals(b.Name, parameter.Name, StringComparison.Ordinal));
            if (input is not null)
            {
                return _inputs[input.Type].Bind(input, parameter.ParameterType, services);
            }

            if (parameter.Name is not null && triggerData.TryGetValue(parameter.Name, out var data))
            {
                return Convert(data, parameter.ParameterType);
            }

            return parameter.HasDefaultValue
                ? parameter.DefaultValue
                : throw new InvalidOperationException($"Function {function.Name}: nothing binds parameter '{parameter.Name}'.");
        }).ToArray();

        var target = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, function.Type);
        try
        {
            return await AwaitResult(function.Method.Invoke(target, arguments), function.Method.ReturnType);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
        finally
        {
            (target as IDisposable)?.Dispose();
        }
    }

    /// <summary>The function's result, by its declared return type: a task's result, a value task's, or the value itself.</summary>
    private static async Task<object?> AwaitResult(object? returned, Type declared)
    {
        if (declared.IsGenericType && declared.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            returned = declared.GetMethod(nameof(ValueTask<object>.AsTask))!.Invoke(returned, null);
            declared = typeof(Task<>).MakeGenericType(declared.GetGenericArguments());
        }

        switch (returned)
        {
            case Task task:
                await task;
                return declared.IsGenericType && declared.GetGenericTypeDefinition() == typeof(Task<>)
                    ? declared.GetProperty(nameof(Task<object>.Result))!.GetValue(task)
                    : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                return returned;
        }
    }

    private static object? Convert(object? value, Type target) =>
        value is null || target.IsInstanceOfType(value) ? value
        : value is string text ? TypeDescriptor.GetConverter(target).ConvertFromInvariantString(text)
        : System.Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
}
