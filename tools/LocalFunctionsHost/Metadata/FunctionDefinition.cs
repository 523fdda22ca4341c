using System.Text.Json;

namespace VoiceAgent.LocalFunctionsHost.Metadata;

/// <summary>One function as <c>functions.metadata</c> declares it: its name, entry point and bindings.</summary>
public sealed record FunctionDefinition(string Name, string ScriptFile, string EntryPoint, IReadOnlyList<BindingDefinition> Bindings)
{
    /// <summary>The one trigger binding (the host requires exactly one).</summary>
    public BindingDefinition Trigger => Bindings.Single(b => b.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));
}

/// <summary>One binding: its parameter name, type (<c>httpTrigger</c>, <c>timerTrigger</c>, …), direction and the rest of its properties.</summary>
public sealed record BindingDefinition(string Name, string Type, string Direction, JsonElement Properties)
{
    public string? Text(string property) =>
        Properties.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public bool Flag(string property) =>
        Properties.TryGetProperty(property, out var value) && value.ValueKind is JsonValueKind.True;

    public IReadOnlyList<string> List(string property) =>
        Properties.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(v => v.GetString()!)]
            : [];
}
