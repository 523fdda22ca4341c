using System.Reflection;
using VoiceAgent.LocalFunctionsHost.Metadata;

namespace VoiceAgent.LocalFunctionsHost.Invocation;

/// <summary>A function's metadata and the method its <c>entryPoint</c> names (<c>Namespace.Type.Method</c>).</summary>
public sealed record FunctionEntryPoint(FunctionDefinition Definition, Type Type, MethodInfo Method)
{
    public string Name => Definition.Name;

    public static FunctionEntryPoint Resolve(FunctionDefinition definition, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(assembly);
        var split = definition.EntryPoint.LastIndexOf('.');
        var type = split > 0 ? assembly.GetType(definition.EntryPoint[..split]) : null;
        var methods = type?.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name == definition.EntryPoint[(split + 1)..])
            .ToList() ?? [];
        if (type is null || methods.Count != 1)
        {
            throw new InvalidOperationException($"Function {definition.Name}: entry point {definition.EntryPoint} is not one public method in {assembly.GetName().Name}.");
        }

        return new FunctionEntryPoint(definition, type, methods[0]);
    }
}
