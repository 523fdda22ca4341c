using VoiceAgent.CallSimulator.Twiml;
using VoiceAgent.TwilioSigning;

namespace VoiceAgent.CallSimulator.Telephony;

/// <summary>
/// Twilio's side of the webhooks: posts the form fields Twilio posts, signed the way Twilio signs them
/// (<c>X-Twilio-Signature</c> over the public URL, see protocols.md §1), and reads the TwiML answer.
/// URLs are handled as Twilio sees them (<see cref="PublicBaseUrl"/>); requests go to <see cref="TargetBaseUrl"/>,
/// which differs when the app sits behind a proxy or runs in-process.
/// </summary>
public sealed class TwilioWebhookClient(HttpClient http, Uri targetBaseUrl, Uri publicBaseUrl, string authToken)
{
    /// <summary>Twilio gives up on any call webhook after 15 seconds (protocols.md §4.6).</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    public Uri TargetBaseUrl { get; } = targetBaseUrl ?? throw new ArgumentNullException(nameof(targetBaseUrl));
    public Uri PublicBaseUrl { get; } = publicBaseUrl ?? throw new ArgumentNullException(nameof(publicBaseUrl));

    /// <summary>Resolves a URL from TwiML (often relative) against the document it came from.</summary>
    public Uri Resolve(Uri currentDocument, string url)
    {
        if (!Uri.TryCreate(currentDocument, url, out var resolved) || resolved.GetLeftPart(UriPartial.Authority) != PublicBaseUrl.GetLeftPart(UriPartial.Authority))
        {
            throw new CallFailedException($"The TwiML points at '{url}', which is not on this app ({PublicBaseUrl.GetLeftPart(UriPartial.Authority)}).");
        }

        return resolved;
    }

    /// <summary>Requests a TwiML document the way Twilio does and parses it; any failure is a <see cref="CallFailedException"/>.</summary>
    public async Task<TwimlDocument> FetchTwimlAsync(Uri url, string method, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        var (status, contentType, body) = await SendAsync(url, method, fields, cancellationToken);
        if (status is < 200 or > 299)
        {
            throw new CallFailedException($"{method} {url.AbsolutePath} answered HTTP {status}{Excerpt(body)}.");
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            throw new CallFailedException($"{method} {url.AbsolutePath} answered HTTP {status} with an empty body instead of TwiML.");
        }

        if (contentType is null || !contentType.Contains("xml", StringComparison.OrdinalIgnoreCase))
        {
            throw new CallFailedException($"{method} {url.AbsolutePath} answered '{contentType ?? "no content type"}' instead of TwiML (text/xml){Excerpt(body)}.");
        }

        try
        {
            return TwimlReader.Read(body);
        }
        catch (TwimlException ex)
        {
            throw new CallFailedException($"{method} {url.AbsolutePath} answered TwiML Twilio cannot play: {ex.Message}", ex);
        }
    }

    /// <summary>The status callback at the end of the call; a non-2xx answer is a failure (Twilio would retry it).</summary>
    public async Task SendStatusCallbackAsync(Uri url, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        var (status, _, body) = await SendAsync(url, "POST", fields, cancellationToken);
        if (status is < 200 or > 299)
        {
            throw new CallFailedException($"The status callback {url.AbsolutePath} answered HTTP {status}{Excerpt(body)}.");
        }
    }

    private async Task<(int Status, string? ContentType, string Body)> SendAsync(Uri url, string method, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        var pathAndQuery = url.PathAndQuery;
        var isGet = string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase);
        if (isGet && fields.Count > 0)
        {
            var query = string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
            pathAndQuery += (url.Query.Length > 0 ? "&" : "?") + query;
        }

        // Twilio signs the URL it requested (the public one) plus, for POST, the form parameters.
        var signature = TwilioSignature.Compute(authToken, PublicBaseUrl.GetLeftPart(UriPartial.Authority) + pathAndQuery, isGet ? [] : fields);
        using var request = new HttpRequestMessage(isGet ? HttpMethod.Get : HttpMethod.Post, TargetBaseUrl.GetLeftPart(UriPartial.Authority) + pathAndQuery);
        request.Headers.Add("X-Twilio-Signature", signature);
        request.Headers.Add("User-Agent", "TwilioProxy/1.1 (VoiceAgent call simulator)");
        if (!isGet)
        {
            request.Content = new FormUrlEncodedContent(fields);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CallFailedException($"{method} {url.AbsolutePath} did not answer within {RequestTimeout.TotalSeconds:0} s (Twilio's limit).");
        }
        catch (HttpRequestException ex)
        {
            throw new CallFailedException($"Could not reach {TargetBaseUrl.GetLeftPart(UriPartial.Authority)}{url.AbsolutePath}: {ex.Message}", ex);
        }
    }

    private static string Excerpt(string body)
    {
        var flat = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length == 0 ? string.Empty : $": {(flat.Length > 200 ? flat[..200] + "…" : flat)}";
    }
}
