using VoiceAgent.LocalFunctionsHost.Metadata;
using VoiceAgent.LocalFunctionsHost.Triggers;
using VoiceAgent.LocalStack;

namespace VoiceAgent.LocalFunctionsHost.Tests.Routing;

/// <summary>
/// Where the Functions host sends HTTP requests: every <c>httpTrigger</c> in functions.metadata on
/// <c>/{routePrefix}/{route}</c> (the prefix from host.json, the route defaulting to the function's name).
/// </summary>
public sealed class FunctionRouteTable(IReadOnlyList<FunctionRoute> routes)
{
    /// <summary>The app's table: the functions.metadata the Worker SDK generated (copied beside this assembly) and the repository's host.json.</summary>
    public static FunctionRouteTable App { get; } = Load(FunctionsMetadataFile.DefaultPath, Path.Combine(RepositoryRoot.Find(), HostJson.FileName));

    public IReadOnlyList<FunctionRoute> Routes { get; } = routes;

    public static FunctionRouteTable Load(string metadataPath, string hostJsonPath)
    {
        if (!File.Exists(hostJsonPath))
        {
            throw new FileNotFoundException("No host.json: the route prefix is unknown.", hostJsonPath);
        }

        var prefix = HostJson.Load(hostJsonPath).RoutePrefix;
        return new FunctionRouteTable([.. FunctionsMetadataFile.Load(metadataPath)
            .Where(f => f.Trigger.Type.Equals(HttpTriggerEndpoints.BindingType, StringComparison.OrdinalIgnoreCase))
            .Select(f =>
            {
                var route = (f.Trigger.Text("route") ?? f.Name).TrimStart('/');
                return new FunctionRoute(f.Name, prefix.Length == 0 ? $"/{route}" : $"/{prefix}/{route}", f.Trigger.List("methods"));
            })]);
    }

    /// <summary>The functions a <paramref name="method"/> request for <paramref name="url"/> (absolute; its query ignored) reaches.</summary>
    public IReadOnlyList<FunctionRoute> Resolve(string method, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"Resolve {url} against the URL it was handed out on first.", nameof(url));
        }

        return [.. Routes.Where(r => r.Matches(method, url.AbsolutePath))];
    }

    /// <summary>The one function <paramref name="url"/> reaches with <paramref name="method"/>, or a failure that lists the app's routes.</summary>
    public FunctionRoute ResolveOne(string method, Uri url)
    {
        var reached = Resolve(method, url);
        Assert.True(reached.Count == 1, $"{method} {url} reaches {reached.Count} functions. The app's routes:\n{this}");
        return reached[0];
    }

    public override string ToString() => string.Join('\n', Routes);
}
