using VoiceAgent.TwilioSigning;

namespace VoiceAgent.TwilioApiStandIn.Webhooks;

/// <summary>
/// Sends Twilio's asynchronous webhooks (status callbacks): a form POST (or a GET with the fields in the query), with
/// <c>X-Twilio-Signature</c> computed over the URL exactly as given to Twilio (its <c>#fragment</c> dropped, protocols.md §1)
/// plus, for POST, the sorted fields; the request itself goes where <see cref="WebhookRoutes"/> says. Never throws for
/// an unreachable or failing app: the answer is recorded in the returned <see cref="SentWebhook"/>.
/// </summary>
public sealed class TwilioWebhookSender(HttpClient http, WebhookRoutes routes, string authToken)
{
    /// <summary>Twilio gives up on a webhook after 15 seconds (protocols.md §4.6).</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    public async Task<SentWebhook> SendAsync(string url, string method, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(fields);
        var signedUrl = url.Split('#', 2)[0];
        var isGet = string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase);
        if (isGet && fields.Count > 0)
        {
            signedUrl += (signedUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        }

        var signature = TwilioSignature.Compute(authToken, signedUrl, isGet ? [] : fields);
        if (!Uri.TryCreate(signedUrl, UriKind.Absolute, out var parsed))
        {
            return new SentWebhook(url, method, fields, signature, null, $"'{url}' is not an absolute URL");
        }

        using var request = new HttpRequestMessage(isGet ? HttpMethod.Get : HttpMethod.Post, routes.Target(parsed));
        request.Headers.TryAddWithoutValidation("X-Twilio-Signature", signature);
        request.Headers.TryAddWithoutValidation("User-Agent", "TwilioProxy/1.1 (VoiceAgent Twilio stand-in)");
        request.Headers.TryAddWithoutValidation("I-Twilio-Idempotency-Token", Guid.NewGuid().ToString());
        if (!isGet)
        {
            request.Content = new FormUrlEncodedContent(fields);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            return new SentWebhook(url, method, fields, signature, (int)response.StatusCode, response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SentWebhook(url, method, fields, signature, null, $"no answer within {RequestTimeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException ex)
        {
            return new SentWebhook(url, method, fields, signature, null, ex.Message);
        }
    }
}
