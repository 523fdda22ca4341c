namespace VoiceAgent.Functions.Hosting;

/// <summary>
/// Azure Functions custom handler plumbing: under the Functions host, listen where the host forwards to
/// (<c>FUNCTIONS_CUSTOMHANDLER_PORT</c> on 127.0.0.1); run alone, use the configured URLs.
/// </summary>
public static class CustomHandlerHosting
{
    public const string PortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>True when the Functions host started this process (it sets the handler port).</summary>
    public static bool IsUnderFunctionsHost => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PortVariable));

    public static IWebHostBuilder UseCustomHandlerPort(this IWebHostBuilder webHost)
    {
        ArgumentNullException.ThrowIfNull(webHost);
        var port = Environment.GetEnvironmentVariable(PortVariable);
        if (!string.IsNullOrEmpty(port))
        {
            if (!int.TryParse(port, out var number) || number is < 1 or > 65535)
            {
                throw new InvalidOperationException($"{PortVariable} must be a TCP port number, not '{port}'.");
            }

            webHost.UseUrls($"http://127.0.0.1:{number}");
        }

        return webHost;
    }

    /// <summary>The host's readiness probe (<c>GET /</c>) and a health check for local runs.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", () => TypedResults.Ok("VoiceAgent functions handler"));
        endpoints.MapGet("/api/health", () => TypedResults.Ok(new { status = "ok" }));
        return endpoints;
    }
}
