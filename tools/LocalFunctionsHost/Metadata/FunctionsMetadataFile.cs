using System.Text.Json;

namespace VoiceAgent.LocalFunctionsHost.Metadata;

/// <summary>
/// Reads <c>functions.metadata</c>, the file the Worker SDK generates from the functions' attributes and the Functions
/// host reads to index the app. It is the local host's only route and schedule table.
/// </summary>
public static class FunctionsMetadataFile
{
    public const string FileName = "functions.metadata";

    /// <summary>The generated file beside the running assembly (the SDK copies it into every referencing project's output).</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, FileName);

    public static IReadOnlyList<FunctionDefinition> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No {FileName} at {path}: build the functions app (the Worker SDK generates it).", path);
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray().Select(Read)];
    }

    private static FunctionDefinition Read(JsonElement function)
    {
        var bindings = function.GetProperty("bindings").EnumerateArray()
            .Select(b => new BindingDefinition(
                b.GetProperty("name").GetString()!,
                b.GetProperty("type").GetString()!,
                b.TryGetProperty("direction", out var direction) ? direction.GetString()! : "In",
                b.Clone()))
            .ToList();
        return new FunctionDefinition(
            function.GetProperty("name").GetString()!,
            function.GetProperty("scriptFile").GetString()!,
            function.GetProperty("entryPoint").GetString()!,
            bindings);
    }
}
