using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VoiceAgent.Core.Calendars;

/// <summary>The refresh-token grant (RFC 6749 §6): a form POST to the token endpoint with the client's id and secret.</summary>
internal sealed partial class GoogleRefreshTokenSource(
    IHttpClientFactory httpClientFactory,
    IOptions<GoogleCalendarOptions> options,
    TimeProvider time,
    ILogger<GoogleRefreshTokenSource> logger) : IGoogleAccessTokenSource, IDisposable
{
    public const string HttpClientName = "GoogleCalendar.Token";

    /// <summary>Refresh this long before the stated expiry, so a token never dies in flight.</summary>
    private static readonly TimeSpan ExpirySkew = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private CachedToken? _current;

    public async Task<string> GetAccessTokenAsync(string? rejectedToken, CancellationToken cancellationToken)
    {
        if (Usable(_current, rejectedToken) is { } token)
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Usable(_current, rejectedToken) is { } fresh)
            {
                return fresh;
            }

            _current = await RequestAsync(cancellationToken);
            return _current.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private string? Usable(CachedToken? token, string? rejectedToken) =>
        token is not null && token.AccessToken != rejectedToken && time.GetUtcNow() < token.ExpiresAt - ExpirySkew ? token.AccessToken : null;

    private async Task<CachedToken> RequestAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = o.RefreshToken ?? string.Empty,
            ["client_id"] = o.ClientId ?? string.Empty,
            ["client_secret"] = o.ClientSecret ?? string.Empty,
        });
        var http = httpClientFactory.CreateClient(HttpClientName);
        using var response = await http.PostAsync(o.TokenUrl, form, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
        {
            throw new HttpRequestException($"Google token endpoint answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        if (!response.IsSuccessStatusCode)
        {
            var error = ReadString(body, "error") ?? "unknown";
            LogRejected(logger, (int)response.StatusCode, error);
            throw new CalendarUnavailableException(
                $"Google rejected the calendar credentials ({error}); check GoogleCalendar:RefreshToken/ClientId/ClientSecret.", response.StatusCode, error);
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var accessToken = root.GetProperty("access_token").GetString()
            ?? throw new CalendarUnavailableException("Google's token response carried no access_token.", response.StatusCode);
        var lifetime = root.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var seconds) ? seconds : 3600;
        LogRefreshed(logger, lifetime);
        return new CachedToken(accessToken, time.GetUtcNow().AddSeconds(lifetime));
    }

    private static string? ReadString(string body, string name)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 1531, Level = LogLevel.Information, Message = "Google access token refreshed (valid {Seconds} s)")]
    private static partial void LogRefreshed(ILogger logger, int seconds);

    [LoggerMessage(EventId = 1532, Level = LogLevel.Error, Message = "Google token endpoint rejected the refresh token: {Status} {Error}")]
    private static partial void LogRejected(ILogger logger, int status, string error);

    private sealed record CachedToken(string AccessToken, DateTimeOffset ExpiresAt);
}
