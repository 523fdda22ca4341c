using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceAgent.Core.Telephony;

namespace VoiceAgent.Conformance.Tests.Telephony;

/// <summary>
/// Builds webhook requests as they reach <see cref="TwilioWebhookVerifier"/>: a <see cref="DefaultHttpContext"/> with the
/// path and query of the URL Twilio requested, a form-encoded body and the signature header; and a verifier configured
/// with that URL's scheme and authority as the public base URL. URLs are split by hand, not with <see cref="Uri"/>,
/// which would lowercase the host.
/// </summary>
internal static class WebhookRequests
{
    public const string FormContentType = "application/x-www-form-urlencoded";

    public static TwilioWebhookVerifier Verifier(string publicBaseUrl, string authToken = OfficialVectors.Token) =>
        new(
            Options.Create(new TwilioOptions { AuthToken = authToken, PublicBaseUrl = new Uri(publicBaseUrl) }),
            NullLogger<TwilioWebhookVerifier>.Instance);

    /// <summary>The verifier for <paramref name="url"/>'s scheme and authority.</summary>
    public static TwilioWebhookVerifier VerifierFor(string url, string authToken = OfficialVectors.Token) =>
        Verifier(BaseUrl(url), authToken);

    /// <summary>Scheme and authority exactly as written: <c>https://MyCompany.com:1234</c>.</summary>
    public static string BaseUrl(string url) => url[..AuthorityEnd(url)];

    /// <summary>A form POST to <paramref name="url"/>'s path and query, arriving on an internal host (as behind a proxy).</summary>
    public static HttpRequest FormPost(string url, IEnumerable<KeyValuePair<string, string>> form, string? signature) =>
        Post(url, FormContentType, EncodeForm(form), signature);

    public static HttpRequest Post(string url, string contentType, string body, string? signature)
    {
        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = HttpMethods.Post;
        SetTarget(request, url);
        request.ContentType = contentType;
        var bytes = Encoding.UTF8.GetBytes(body);
        request.Body = new MemoryStream(bytes);
        request.ContentLength = bytes.Length;
        if (signature is not null)
        {
            request.Headers[TwilioWebhookVerifier.SignatureHeader] = signature;
        }

        return request;
    }

    /// <summary>A WebSocket handshake (GET, no body) to <paramref name="url"/>'s path and query.</summary>
    public static HttpRequest Upgrade(string url, string? signature)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        SetTarget(context.Request, url);
        context.Request.Headers.Upgrade = "websocket";
        if (signature is not null)
        {
            context.Request.Headers[TwilioWebhookVerifier.SignatureHeader] = signature;
        }

        return context.Request;
    }

    /// <summary>Form encoding as a browser or Twilio writes it: UTF-8, percent escapes, <c>+</c> for a space.</summary>
    public static string EncodeForm(IEnumerable<KeyValuePair<string, string>> form) =>
        string.Join('&', form.Select(field => $"{Escape(field.Key)}={Escape(field.Value)}"));

    private static string Escape(string text) => Uri.EscapeDataString(text).Replace("%20", "+", StringComparison.Ordinal);

    private static void SetTarget(HttpRequest request, string url)
    {
        // Host and scheme as the app sees them behind a proxy; the verifier must use the configured public base URL instead.
        request.Scheme = "http";
        request.Host = new HostString("10.0.0.7", 8080);
        var target = url[AuthorityEnd(url)..];
        var queryStart = target.IndexOf('?', StringComparison.Ordinal);
        request.Path = PathString.FromUriComponent(queryStart < 0 ? target : target[..queryStart]);
        request.QueryString = queryStart < 0 ? QueryString.Empty : new QueryString(target[queryStart..]);
    }

    private static int AuthorityEnd(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var end = url.IndexOfAny(['/', '?', '#'], start);
        return end < 0 ? url.Length : end;
    }
}
