using System.Text.Json;

namespace VoiceAgent.Smoke.Checks;

/// <summary><c>health</c>: the function app's liveness probe (<c>GET /api/health</c>) answers 200 with <c>{"status":"ok"}</c>.</summary>
public sealed class HealthCheck(HttpClient http, DeploymentWebhooks app)
{
    public const string Name = "health";

    public async Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var url = app.Base + DeploymentWebhooks.HealthPath;
        try
        {
            using var response = await http.GetAsync(new Uri(url), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return CheckResult.Fail(Name, $"GET {url} answered {(int)response.StatusCode}");
            }

            return IsOk(body)
                ? CheckResult.Pass(Name, $"GET {url} answered 200 {{\"status\":\"ok\"}}")
                : CheckResult.Fail(Name, $"GET {url} answered 200 but not {{\"status\":\"ok\"}}: {GreetingTwiml.Shorten(body)}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return CheckResult.Fail(Name, $"GET {url} failed: {ex.Message}");
        }
    }

    private static bool IsOk(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("status", out var status)
                && status.GetString() == "ok";
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
