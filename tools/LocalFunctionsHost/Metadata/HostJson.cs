using System.Globalization;
using System.Text.Json;

namespace VoiceAgent.LocalFunctionsHost.Metadata;

/// <summary>
/// The app's <c>host.json</c>, as the Functions host reads it: the HTTP route prefix, and every value as a
/// configuration key under <see cref="ConfigurationSection"/> (<c>AzureFunctionsJobHost:extensions:durableTask:hubName</c>),
/// so app settings (<c>AzureFunctionsJobHost__extensions__durableTask__hubName</c> in the environment) override them.
/// </summary>
public sealed record HostJson(string RoutePrefix, IReadOnlyDictionary<string, string?> Settings)
{
    public const string FileName = "host.json";

    /// <summary>The configuration section the host puts host.json under, and that app settings override it through.</summary>
    public const string ConfigurationSection = "AzureFunctionsJobHost";

    public static HostJson Load(string path)
    {
        if (!File.Exists(path))
        {
            return new HostJson("api", new Dictionary<string, string?>());
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var prefix = document.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var routePrefix)
                ? routePrefix.GetString() ?? "api"
                : "api";
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Flatten(document.RootElement, ConfigurationSection, settings);
        return new HostJson(prefix.Trim('/'), settings);
    }

    /// <summary>JSON to configuration keys, as the JSON configuration provider does (arrays by index).</summary>
    private static void Flatten(JsonElement element, string key, Dictionary<string, string?> settings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, $"{key}:{property.Name}", settings);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, $"{key}:{index.ToString(CultureInfo.InvariantCulture)}", settings);
                    index++;
                }

                break;
            case JsonValueKind.Null:
                settings[key] = null;
                break;
            case JsonValueKind.String:
                settings[key] = element.GetString();
                break;
            default:
                settings[key] = element.GetRawText();
                break;
        }
    }
}
