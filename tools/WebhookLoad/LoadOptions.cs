using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace VoiceAgent.WebhookLoad;

/// <summary>What one load run sends, where, and how much. Only loopback targets are accepted.</summary>
public sealed record LoadOptions
{
    public const string HelpRequested = "VoiceAgent.WebhookLoad: signed Twilio voice webhooks against a local app.";

    public const string Usage = """
        Usage: VoiceAgent.WebhookLoad --url URL --token AUTH_TOKEN --to TENANT_NUMBER [options]
          --url URL           where the app listens (loopback only), e.g. http://127.0.0.1:7071
          --public-url URL    the public base URL the app was told (signed URL); default: --url
          --token TOKEN       the app's Twilio auth token
          --to NUMBER         the tenant number being called
          --from NUMBER       the caller (default +15555550101, a known demo customer)
          --concurrency N     requests in flight at once (default 1)
          --requests M        measured requests (default 200)
          --warmup K          requests sent first and not measured (default 20)
          --target NAME       label for the JSON line (default: --url)
          --time-limit S      stop after S seconds whatever is left (default 120)
        Prints one JSON line: target, concurrency, requests, errors, p50Ms, p90Ms, p99Ms, meanMs, maxMs.
        """;

    public required Uri Url { get; init; }

    public required Uri PublicUrl { get; init; }

    public required string Token { get; init; }

    public required string To { get; init; }

    public string From { get; init; } = "+15555550101";

    public int Concurrency { get; init; } = 1;

    public int Requests { get; init; } = 200;

    public int Warmup { get; init; } = 20;

    public required string Target { get; init; }

    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(120);

    public static bool TryParse(string[] args, [NotNullWhen(true)] out LoadOptions? options, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        options = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "-h" or "--help")
            {
                error = HelpRequested;
                return false;
            }

            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                error = $"Unexpected argument '{args[i]}' (every option takes a value).";
                return false;
            }

            values[args[i][2..]] = args[++i];
        }

        var unknown = values.Keys.Except(Known, StringComparer.Ordinal).FirstOrDefault();
        if (unknown is not null)
        {
            error = $"Unknown option --{unknown}.";
            return false;
        }

        if (!TryUrl(values, "url", null, out var url, out error)
            || !TryUrl(values, "public-url", url, out var publicUrl, out error)
            || !TryRequired(values, "token", out var token, out error)
            || !TryRequired(values, "to", out var to, out error)
            || !TryCount(values, "concurrency", 1, 1, 256, out var concurrency, out error)
            || !TryCount(values, "requests", 200, 1, 100_000, out var requests, out error)
            || !TryCount(values, "warmup", 20, 0, 100_000, out var warmup, out error)
            || !TryCount(values, "time-limit", 120, 1, 3600, out var seconds, out error))
        {
            return false;
        }

        if (!IsLoopback(url))
        {
            error = $"--url must be a loopback address (127.0.0.0/8, [::1] or localhost), not {url.Host}.";
            return false;
        }

        options = new LoadOptions
        {
            Url = url,
            PublicUrl = publicUrl,
            Token = token,
            To = to,
            From = values.GetValueOrDefault("from", "+15555550101"),
            Concurrency = concurrency,
            Requests = requests,
            Warmup = warmup,
            Target = values.GetValueOrDefault("target", url.ToString().TrimEnd('/')),
            TimeLimit = TimeSpan.FromSeconds(seconds),
        };
        return true;
    }

    private static readonly string[] Known = ["url", "public-url", "token", "to", "from", "concurrency", "requests", "warmup", "target", "time-limit"];

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static bool TryRequired(Dictionary<string, string> values, string name, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (values.TryGetValue(name, out value) && !string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        error = $"--{name} is required.";
        return false;
    }

    private static bool TryUrl(Dictionary<string, string> values, string name, Uri? fallback, [NotNullWhen(true)] out Uri? url, [NotNullWhen(false)] out string? error)
    {
        error = null;
        url = fallback;
        if (!values.TryGetValue(name, out var raw))
        {
            if (url is not null)
            {
                return true;
            }

            error = $"--{name} is required.";
            return false;
        }

        if (Uri.TryCreate(raw.TrimEnd('/'), UriKind.Absolute, out url) && url.Scheme is "http" or "https")
        {
            return true;
        }

        error = $"--{name} must be an absolute http(s) URL, not '{raw}'.";
        return false;
    }

    private static bool TryCount(Dictionary<string, string> values, string name, int fallback, int min, int max, out int value, [NotNullWhen(false)] out string? error)
    {
        error = null;
        value = fallback;
        if (!values.TryGetValue(name, out var raw))
        {
            return true;
        }

        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
        {
            return true;
        }

        error = $"--{name} must be a whole number from {min} to {max}, not '{raw}'.";
        return false;
    }
}
