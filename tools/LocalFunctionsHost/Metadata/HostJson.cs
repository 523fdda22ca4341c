using System.Text.Json;

namespace VoiceAgent.LocalFunctionsHost.Metadata;

/// <summary>The parts of the app's <c>host.json</c> the local host honours: the HTTP route prefix.</summary>
public sealed record HostJson(string RoutePrefix)
{
    public const string FileName = "host.json";

    public static HostJson Load(string path)
    {
        if (!File.Exists(path))
        {
            return new HostJson("api");
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var prefix = document.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var routePrefix)
                ? routePrefix.GetString() ?? "api"
                : "api";
        return new HostJson(prefix.Trim('/'));
    }
}
