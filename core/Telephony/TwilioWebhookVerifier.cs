using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twilio.Security;

namespace VoiceAgent.Core.Telephony;

/// <summary>
/// Checks <c>X-Twilio-Signature</c> with Twilio's own <see cref="RequestValidator"/> over the URL Twilio requested (the
/// configured public base URL + path + query, since proxies rewrite Host) and the posted form. Every Twilio-facing
/// function calls it first, under the Functions host and the local host alike. A validator is made per request: the
/// SDK documents no thread safety for it.
/// </summary>
public sealed partial class TwilioWebhookVerifier(IOptions<TwilioOptions> options, ILogger<TwilioWebhookVerifier> logger)
{
    public const string SignatureHeader = "X-Twilio-Signature";

    private readonly string _authToken = options.Value.AuthToken;
    private readonly Uri _publicBaseUrl = options.Value.PublicBaseUrl ?? throw new InvalidOperationException("Twilio:PublicBaseUrl is required.");

    // The authority as configured, not Uri.Authority: System.Uri lowercases the host, and Twilio signs it as written
    // (official vector #5, https://MyCompany.com/...).
    private readonly string _authority = AuthorityAsWritten(options.Value.PublicBaseUrl!);

    /// <summary>Reads the form of a webhook and verifies its signature: the form, or the answer to give instead (400 or 403).</summary>
    public async Task<TwilioWebhookRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        IFormCollection form;
        try
        {
            form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        }
        catch (InvalidDataException)
        {
            // A body that claims to be a form and is not one (or is too large): nothing Twilio sends.
            return TwilioWebhookRequest.Rejected(Results.BadRequest("The body is not a valid form."));
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in form)
        {
            parameters[name] = values.ToString();
        }

        if (!IsSigned(request, SignedUrl(request, _publicBaseUrl.Scheme), parameters))
        {
            return TwilioWebhookRequest.Rejected(Results.StatusCode(StatusCodes.Status403Forbidden));
        }

        return TwilioWebhookRequest.Verified(form);
    }

    /// <summary>
    /// A WebSocket handshake (Media Streams, ConversationRelay): no parameters, and the URL as written in TwiML, with the
    /// <c>wss</c> scheme (<c>ws</c> for a local http host); the <c>https</c> form is accepted too, since Twilio's documents do not say which one it signs.
    /// </summary>
    public bool IsValidUpgrade(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var empty = new Dictionary<string, string>();
        var socketScheme = _publicBaseUrl.Scheme == Uri.UriSchemeHttps ? "wss" : "ws";
        return IsSigned(request, SignedUrl(request, socketScheme), empty, log: false)
            || (!HasExplicitPort && socketScheme == "wss" && IsSigned(request, SignedUrl(request, "wss", _authority + ":443"), empty, log: false))
            || IsSigned(request, SignedUrl(request, _publicBaseUrl.Scheme), empty);
    }

    // RequestValidator's port variant adds :443 only for https and :80 for every other scheme, wss included, so the
    // wss form with its default port is tried here.
    private bool HasExplicitPort => _authority.EndsWith(FormattableString.Invariant($":{_publicBaseUrl.Port}"), StringComparison.Ordinal);

    private bool IsSigned(HttpRequest request, string url, Dictionary<string, string> parameters, bool log = true)
    {
        var signature = request.Headers[SignatureHeader].ToString();
        var valid = signature.Length > 0 && new RequestValidator(_authToken).Validate(url, parameters, signature);
        if (!valid && log)
        {
            LogRejected(logger, request.Path, signature.Length > 0);
        }

        return valid;
    }

    private string SignedUrl(HttpRequest request, string scheme, string? authority = null)
    {
        // Authority as configured: a default port stays implicit, an explicit one stays (RequestValidator tries both forms).
        return $"{scheme}://{authority ?? _authority}{request.PathBase}{request.Path}{request.QueryString}";
    }

    private static string AuthorityAsWritten(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            throw new InvalidOperationException("Twilio:PublicBaseUrl must be an absolute URL.");
        }

        var text = url.OriginalString.Trim();
        var start = text.IndexOf("://", StringComparison.Ordinal) + 3;
        var end = text.IndexOfAny(['/', '?', '#'], start);
        return end < 0 ? text[start..] : text[start..end];
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Rejected a request to {Path}: Twilio signature invalid (header present: {HasHeader})")]
    private static partial void LogRejected(ILogger logger, string path, bool hasHeader);
}
