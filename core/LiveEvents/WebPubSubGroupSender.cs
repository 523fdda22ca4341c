using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace VoiceAgent.Core.LiveEvents;

/// <summary>
/// Sends one JSON payload to a group over the Web PubSub REST API
/// (<c>POST {endpoint}/api/hubs/{hub}/groups/{group}/:send?api-version=2024-12-01</c>), retrying 429, 5xx and
/// unreachable a bounded number of times with backoff (the service's <c>Retry-After</c> when it gives one, capped).
/// Anything else (401, 403, 400) is not retried: it will not get better by asking again.
/// </summary>
public sealed class WebPubSubGroupSender(HttpClient http, Uri endpoint, IWebPubSubAuthorization authorization, IOptions<WebPubSubOptions> options, TimeProvider time)
{
    public const string ApiVersion = "2024-12-01";

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    private readonly WebPubSubOptions _options = options.Value;

    /// <summary>The REST URL for <paramref name="group"/> in the configured hub.</summary>
    public Uri GroupSendUri(string group) =>
        new(endpoint, $"api/hubs/{Uri.EscapeDataString(_options.Hub)}/groups/{Uri.EscapeDataString(group)}/:send?api-version={ApiVersion}");

    /// <summary>The final status (202 on success), or null when the service could not be reached on any attempt.</summary>
    public async Task<HttpStatusCode?> SendAsync(string group, ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        var uri = GroupSendUri(group);
        HttpStatusCode? status = null;
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ReadOnlyMemoryContent(json) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await authorization.GetBearerTokenAsync(uri, cancellationToken));
                using var response = await http.SendAsync(request, cancellationToken);
                status = response.StatusCode;
                if (response.IsSuccessStatusCode || !IsTransient(response.StatusCode))
                {
                    return status;
                }

                retryAfter = response.Headers.RetryAfter?.Delta;
            }
            catch (HttpRequestException)
            {
                status = null;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                status = null; // HttpClient's own timeout
            }

            if (attempt >= _options.MaxSendAttempts)
            {
                return status;
            }

            await Task.Delay(Backoff(attempt, retryAfter), time, cancellationToken);
        }
    }

    private static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private static TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var delay = retryAfter ?? FirstBackoff * Math.Pow(2, attempt - 1);
        return delay < MaxBackoff ? delay : MaxBackoff;
    }
}
