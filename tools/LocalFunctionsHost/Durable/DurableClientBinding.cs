using Microsoft.DurableTask.Client;
using VoiceAgent.LocalFunctionsHost.Invocation;
using VoiceAgent.LocalFunctionsHost.Metadata;

namespace VoiceAgent.LocalFunctionsHost.Durable;

/// <summary>
/// The <c>[DurableClient]</c> input binding: the host's one <see cref="DurableTaskClient"/> for the app's task hub, as
/// the extension hands a bound client to the function. Another task hub or connection on the binding is refused at start.
/// </summary>
public sealed class DurableClientBinding(DurableTaskClient client) : IInputBindingProvider
{
    public string BindingType => DurableFunction.DurableClient;

    public object? Bind(BindingDefinition binding, Type parameterType, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(parameterType);
        return parameterType.IsInstanceOfType(client)
            ? client
            : throw new NotSupportedException($"A durableClient binding is a {nameof(DurableTaskClient)}, not a {parameterType.Name} (parameter {binding.Name}).");
    }

    /// <summary>Fails at start for a binding the local host cannot serve: another hub (<c>taskHub</c>) or connection.</summary>
    public static void EnsureServed(FunctionEntryPoint function, DurableTaskHostOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var binding in function.Definition.Bindings.Where(b => b.Type.Equals(DurableFunction.DurableClient, StringComparison.OrdinalIgnoreCase)))
        {
            var hub = Resolve(binding.Text("taskHub"), configuration);
            if (hub is { Length: > 0 } && !hub.Equals(options.HubName, StringComparison.OrdinalIgnoreCase))
            {
                throw new NotSupportedException($"Function {function.Name}: its durableClient names task hub '{hub}'; the local host serves the app's, '{options.HubName}'.");
            }

            var connection = Resolve(binding.Text("connectionName"), configuration);
            if (connection is { Length: > 0 } && !connection.Equals("AzureWebJobsStorage", StringComparison.OrdinalIgnoreCase))
            {
                throw new NotSupportedException($"Function {function.Name}: its durableClient names connection '{connection}'; the local host serves the app's storage only.");
            }

            if (function.Method.GetParameters().FirstOrDefault(p => p.Name == binding.Name) is { } parameter && !parameter.ParameterType.IsAssignableFrom(typeof(DurableTaskClient)))
            {
                throw new NotSupportedException($"Function {function.Name}: a durableClient binding is a {nameof(DurableTaskClient)} (parameter {binding.Name}).");
            }
        }
    }

    /// <summary>A <c>%Setting%</c> value read from the app's settings, as the host resolves binding expressions.</summary>
    private static string? Resolve(string? value, IConfiguration configuration) =>
        value is { Length: > 2 } && value[0] == '%' && value[^1] == '%' ? configuration[value[1..^1]] : value;
}
