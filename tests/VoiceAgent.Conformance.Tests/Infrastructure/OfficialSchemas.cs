using System.Text.Json.Nodes;
using NJsonSchema;

namespace VoiceAgent.Conformance.Tests.Infrastructure;

/// <summary>
/// Loads the vendors' JSON schemas from <c>&lt;repo root&gt;/../shared/schemas</c> into NJsonSchema.
/// </summary>
/// <remarks>
/// The SchemaStore schemas use <c>const</c> (a draft-06 keyword) — function.json inside a draft-04 document — and
/// NJsonSchema 11.6.2 ignores <c>const</c>. Ignored, the <c>sql</c>/<c>mysql</c> binding branches of function.json match any
/// binding, so every <c>httpTrigger</c> binding fails the <c>oneOf</c>, and host.json's <c>"version": {"const": "2.0"}</c> checks
/// nothing. The loader therefore rewrites each <c>const: v</c> into its exact equivalent <c>enum: [v]</c> (JSON Schema
/// draft-06 §6.24), which NJsonSchema enforces.
/// </remarks>
internal static class OfficialSchemas
{
    private static readonly HashSet<string> SchemaMaps = new(StringComparer.Ordinal) { "properties", "patternProperties", "definitions", "dependencies" };

    public static async Task<JsonSchema> LoadAsync(string fileName)
    {
        var path = Path.Combine(RepositoryPaths.SharedSchemas, fileName);
        var document = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        RewriteConst(document);
        return await JsonSchema.FromJsonAsync(document.ToJsonString(), path);
    }

    public static async Task<IReadOnlyList<string>> ValidateAsync(string schemaFileName, string json)
    {
        var schema = await LoadAsync(schemaFileName);
        return [.. schema.Validate(json).Select(error => error.ToString())];
    }

    /// <summary>Rewrites <c>const</c> keywords into one-value <c>enum</c>s, leaving properties that are merely named "const" alone.</summary>
    internal static void RewriteConst(JsonNode? node, bool isSchemaMap = false)
    {
        switch (node)
        {
            case JsonObject schema when !isSchemaMap:
                if (schema.TryGetPropertyValue("const", out var value) && !schema.ContainsKey("enum"))
                {
                    schema.Remove("const");
                    schema["enum"] = new JsonArray(value);
                }

                foreach (var (key, child) in schema.ToList())
                {
                    RewriteConst(child, SchemaMaps.Contains(key));
                }

                break;
            case JsonObject map:
                foreach (var (_, child) in map.ToList())
                {
                    RewriteConst(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    RewriteConst(child);
                }

                break;
        }
    }
}
