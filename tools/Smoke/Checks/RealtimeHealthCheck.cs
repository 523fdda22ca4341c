namespace VoiceAgent.Smoke.Checks;

/// <summary>
/// <c>realtime</c>: the real-time host (webpubsub-host) answers its health check, <c>GET /healthz</c>, with 200 — what the
/// function app asks before it hands a ConversationRelay or Media Streams call to it. Given as its https (or wss) base URL.
/// </summary>
public sealed class RealtimeHealthCheck(HttpClient http, Uri? host)
{
    public const string Name = "realtime";
    public const string HealthPath = "/healthz";

    public async Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        if (host is null)
        {
            return CheckResult.Skip(Name, "no real-time host given (--realtime URL); every call takes Gather without one");
        }

        var url = new UriBuilder(host) { Scheme = host.Scheme switch { "wss" => "https", "ws" => "http", var s => s }, Path = HealthPath, Port = host.IsDefaultPort ? -1 : host.Port }.Uri;
        try
        {
            using var response = await http.GetAsync(url, cancellationToken);
            return response.IsSuccessStatusCode
                ? CheckResult.Pass(Name, $"GET {url} answered {(int)response.StatusCode}")
                : CheckResult.Fail(Name, $"GET {url} answered {(int)response.StatusCode}: relay and stream shops fall back to Gather");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return CheckResult.Fail(Name, $"GET {url} failed: {ex.Message}");
        }
    }
}
