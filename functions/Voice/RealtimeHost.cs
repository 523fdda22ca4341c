using Microsoft.Extensions.Options;

namespace VoiceAgent.Functions.Voice;

/// <summary>
/// The real-time host as the incoming webhook sees it: its WebSocket URLs, and whether it is up (its <c>/healthz</c>,
/// asked with a short timeout and remembered briefly), so that a call never waits on a host that is down: it takes Gather.
/// </summary>
public sealed partial class RealtimeHost(IHttpClientFactory http, IOptions<RealtimeHostOptions> options, TimeProvider time, ILogger<RealtimeHost> logger)
{
    public const string RelayPath = "/relay";
    public const string StreamPath = "/stream";
    public const string HttpClientName = "realtime-host";

    private readonly RealtimeHostOptions _options = options.Value;
    private Health _health = new(false, DateTimeOffset.MinValue);

    public bool IsConfigured => _options.BaseUrl is not null;

    /// <summary>The ConversationRelay WebSocket URL: <c>wss://host/relay</c> (<c>ws://</c> for a local http host, its port kept).</summary>
    public Uri RelayUrl => SocketUrl(RelayPath);

    /// <summary>The Media Streams WebSocket URL: <c>wss://host/stream</c> (<c>ws://</c> for a local http host, its port kept).</summary>
    public Uri StreamUrl => SocketUrl(StreamPath);

    private Uri SocketUrl(string path)
    {
        var baseUrl = _options.BaseUrl ?? throw new InvalidOperationException("Realtime:BaseUrl is not set.");
        return new UriBuilder(new Uri(baseUrl, path))
        {
            Scheme = baseUrl.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Port = baseUrl.IsDefaultPort ? -1 : baseUrl.Port,
        }.Uri;
    }

    public async Task<bool> IsUpAsync(CancellationToken cancellationToken)
    {
        if (_options.BaseUrl is not { } baseUrl)
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (_health is { } known && known.Until > now)
        {
            return known.Up;
        }

        var up = false;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.HealthTimeoutSeconds));
        try
        {
            using var response = await http.CreateClient(HttpClientName).GetAsync(new Uri(baseUrl, "/healthz"), timeout.Token);
            up = response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            up = false;
        }

        if (!up)
        {
            LogHostDown(logger, baseUrl.Host);
        }

        _health = new Health(up, now.AddSeconds(_options.HealthCacheSeconds));
        return up;
    }

    /// <summary>A health answer and until when it is trusted: one reference, so concurrent calls read a whole one.</summary>
    private sealed record Health(bool Up, DateTimeOffset Until);

    [LoggerMessage(EventId = 2111, Level = LogLevel.Warning, Message = "The real-time host {Host} is not healthy: calls take Gather until it is")]
    private static partial void LogHostDown(ILogger logger, string host);
}
