using System.Collections.Frozen;
using System.Reflection;

namespace VoiceAgent.Functions.Dashboard;

/// <summary>
/// The dashboard's static files (functions/Dashboard/Assets: HTML, CSS, JavaScript), embedded in the functions
/// assembly and read once: no build step, nothing on disk to deploy beside the package. They hold no data.
/// </summary>
public sealed class DashboardAssets
{
    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, byte[]> _files;

    public DashboardAssets()
    {
        const string prefix = "Dashboard/";
        var assembly = typeof(DashboardAssets).Assembly;
        _files = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .ToFrozenDictionary(name => name[prefix.Length..], name => Read(assembly, name), StringComparer.Ordinal);
    }

    /// <summary>The names served under <c>dashboard/assets/</c>: the stylesheet, scripts and images, not the pages.</summary>
    public IEnumerable<string> Names => _files.Keys;

    /// <summary>The file named <paramref name="name"/> (e.g. <c>dashboard.js</c>) and its content type, if there is one.</summary>
    public bool TryGet(string name, out byte[] content, out string contentType)
    {
        contentType = ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream");
        return _files.TryGetValue(name, out content!);
    }

    /// <summary>A page's text (they are UTF-8).</summary>
    public string Page(string name) =>
        TryGet(name, out var content, out _) ? System.Text.Encoding.UTF8.GetString(content) : throw new InvalidOperationException($"The dashboard page {name} is not embedded.");

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
