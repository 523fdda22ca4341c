using System.Net;
using System.Text.Json;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Responses;
using Google.Apis.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VoiceAgent.Core.Calendars;

/// <summary>
/// The service-account JWT-bearer grant through Google.Apis.Auth: <see cref="ServiceAccountCredential"/> signs the RS256
/// assertion and posts it to the configured token URL (the <c>aud</c> claim stays Google's
/// <c>https://oauth2.googleapis.com/token</c>, as Google requires), then caches the token. Optional <c>sub</c> for domain-wide delegation.
/// </summary>
internal sealed partial class GoogleServiceAccountTokenSource : IGoogleAccessTokenSource, IDisposable
{
    private readonly ServiceAccountCredential _credential;
    private readonly ILogger<GoogleServiceAccountTokenSource> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public GoogleServiceAccountTokenSource(IOptions<GoogleCalendarOptions> options, ILogger<GoogleServiceAccountTokenSource> logger)
    {
        var o = options.Value;
        var key = ServiceAccountKey.Parse(o.ServiceAccountJson ?? string.Empty);
        var initializer = new ServiceAccountCredential.Initializer(key.ClientEmail, o.TokenUrl.AbsoluteUri)
        {
            Scopes = o.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            User = string.IsNullOrWhiteSpace(o.Subject) ? null : o.Subject,
            KeyId = key.PrivateKeyId,
            // Our resilience pipeline retries the whole call; no second backoff loop inside the token request.
            DefaultExponentialBackOffPolicy = ExponentialBackOffPolicy.None,
        }.FromPrivateKey(key.PrivateKey);
        _credential = new ServiceAccountCredential(initializer);
        _logger = logger;
    }

    public async Task<string> GetAccessTokenAsync(string? rejectedToken, CancellationToken cancellationToken)
    {
        try
        {
            var token = await _credential.GetAccessTokenForRequestAsync(authUri: null, cancellationToken);
            if (token != rejectedToken)
            {
                return token;
            }

            await _gate.WaitAsync(cancellationToken);
            try
            {
                if (_credential.Token?.AccessToken is { } current && current != rejectedToken)
                {
                    return current;
                }

                await _credential.RequestAccessTokenAsync(cancellationToken);
                LogRefreshed(_logger, _credential.Id);
                return _credential.Token!.AccessToken;
            }
            finally
            {
                _gate.Release();
            }
        }
        catch (TokenResponseException ex) when (ex.StatusCode is null or HttpStatusCode.TooManyRequests || (int)ex.StatusCode >= 500)
        {
            throw new HttpRequestException($"Google token endpoint answered {(int?)ex.StatusCode}.", ex, ex.StatusCode);
        }
        catch (TokenResponseException ex)
        {
            var error = ex.Error?.Error ?? "unknown";
            LogRejected(_logger, _credential.Id, error);
            throw new CalendarUnavailableException(
                $"Google rejected the service account's assertion ({error}); check GoogleCalendar:ServiceAccountJson/Subject.", ex.StatusCode, error, ex);
        }
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(EventId = 1533, Level = LogLevel.Information, Message = "Google access token re-issued for service account {ClientEmail}")]
    private static partial void LogRefreshed(ILogger logger, string clientEmail);

    [LoggerMessage(EventId = 1534, Level = LogLevel.Error, Message = "Google token endpoint rejected service account {ClientEmail}: {Error}")]
    private static partial void LogRejected(ILogger logger, string clientEmail, string error);

    private sealed record ServiceAccountKey(string ClientEmail, string PrivateKey, string? PrivateKeyId)
    {
        public static ServiceAccountKey Parse(string json)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                var root = document.RootElement;
                return new ServiceAccountKey(
                    root.GetProperty("client_email").GetString() ?? throw new InvalidOperationException("client_email is null."),
                    root.GetProperty("private_key").GetString() ?? throw new InvalidOperationException("private_key is null."),
                    root.TryGetProperty("private_key_id", out var id) ? id.GetString() : null);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException)
            {
                // Never echo the key material.
                throw new InvalidOperationException("GoogleCalendar:ServiceAccountJson is not a service-account key (needs client_email and private_key).", ex);
            }
        }
    }
}
