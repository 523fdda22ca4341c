using Microsoft.Extensions.Options;

namespace VoiceAgent.Functions.Voice;

/// <summary>
/// The real-time host as the incoming webhook sees it: its WebSocket URLs, and whether it is up (its <c>/healthz</c>,
/// asked with a short timeout and remembered briefly), so that a call never waits on a host that is down: it takes Gather.
/// </summary>
public sealed partial class RealtimeHost(IHttpClientFactory http, IOptions<RealtimeHostOptions> options, TimeProvider time, ILogger<RealtimeHost> logger)
{
    public const string RelayPath = "/relay";
    public const string HttpClientName = "realtime-host";

    private readonly RealtimeHostOptions _options = options.Value;
    private (bool Up, DateTimeOffset Until) _health;

    public bool IsConfigured => _options.BaseUrl is not null;

    /// <summary>The ConversationRelay WebSocket URL (<c>wss://host/relay</c>).</summary>
    public Uri RelayUrl => new UriBuilder(new Uri(_options.BaseUrl ?? throw new InvalidOperationException("Realtime:BaseUrl is not set."), RelayPath)) { Scheme = "wss", Port = -1 }.Uri;

    public async Task<bool> IsUpAsync(CancellationToken cancellationToken)
    {
        if (_options.BaseUrl is not { } baseUrl)
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (_health.Until > now)
        {
            return _health.Up;
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

        _health = (up, now.AddSeconds(_options.HealthCacheSeconds));
        return up;
    }

    [LoggerMessage(EventId = 2111, Level = LogLevel.Warning, Message = "The real-time host {Host} is not healthy: calls take Gather until it is")]
    private static partial void LogHostDown(ILogger logger, string host);
}
