using Microsoft.Extensions.Options;
using VoiceAgent.Core.Telephony;

namespace VoiceAgent.Functions.Voice;

/// <summary>
/// Rejects any request whose <c>X-Twilio-Signature</c> does not match the URL Twilio requested (configured
/// public base URL + path + query) and its form parameters. Runs before anything is read or written.
/// </summary>
public sealed partial class TwilioSignatureFilter(IOptions<TwilioOptions> options, ILogger<TwilioSignatureFilter> logger) : IEndpointFilter
{
    public const string HeaderName = "X-Twilio-Signature";

    private readonly TwilioRequestValidator _validator = new(options.Value.AuthToken);
    private readonly string _baseUrl = options.Value.PublicBaseUrl!.GetLeftPart(UriPartial.Authority);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        List<KeyValuePair<string, string>> parameters;
        try
        {
            parameters = request.HasFormContentType
                ? [.. (await request.ReadFormAsync(context.HttpContext.RequestAborted)).SelectMany(f => f.Value.Select(v => KeyValuePair.Create(f.Key, v ?? string.Empty)))]
                : [];
        }
        catch (InvalidDataException)
        {
            // A body that claims to be a form and is not one (or is too large): nothing Twilio sends.
            return TypedResults.BadRequest("The body is not a valid form.");
        }

        var url = $"{_baseUrl}{request.PathBase}{request.Path}{request.QueryString}";

        if (!_validator.IsValid(url, parameters, request.Headers[HeaderName].FirstOrDefault()))
        {
            LogRejected(logger, request.Path, request.Headers.ContainsKey(HeaderName));
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        return await next(context);
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Rejected a request to {Path}: Twilio signature invalid (header present: {HasHeader})")]
    private static partial void LogRejected(ILogger logger, string path, bool hasHeader);
}
