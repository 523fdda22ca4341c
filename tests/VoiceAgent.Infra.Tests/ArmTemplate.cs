using System.Text.Json.Nodes;

namespace VoiceAgent.Infra.Tests;

/// <summary>Walks compiled ARM JSON: resources (at any depth) and every string value.</summary>
internal static class ArmTemplate
{
    /// <summary>Every resource declared in <paramref name="node"/>, including inside nested module templates.</summary>
    public static IEnumerable<JsonObject> Resources(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is JsonValue type && type.TryGetValue<string>(out _) && obj.ContainsKey("apiVersion"))
                {
                    yield return obj;
                }

                foreach (var (_, child) in obj)
                {
                    foreach (var resource in Resources(child))
                    {
                        yield return resource;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var resource in Resources(child))
                    {
                        yield return resource;
                    }
                }

                break;
        }
    }

    public static IEnumerable<JsonObject> OfType(JsonNode? node, string type) =>
        Resources(node).Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    public static IEnumerable<string> Strings(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue value when value.TryGetValue<string>(out var text):
                yield return text;
                break;
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    foreach (var text in Strings(child))
                    {
                        yield return text;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var text in Strings(child))
                    {
                        yield return text;
                    }
                }

                break;
        }
    }

    /// <summary>The literal app settings of the one <c>Microsoft.Web/sites/config</c> 'appsettings' resource in a module.</summary>
    public static JsonObject AppSettings(JsonObject moduleTemplate)
    {
        var config = OfType(moduleTemplate, "Microsoft.Web/sites/config")
            .Single(r => ((string?)r["name"] ?? string.Empty).Contains("appsettings", StringComparison.Ordinal));
        return config["properties"]!.AsObject();
    }
}
