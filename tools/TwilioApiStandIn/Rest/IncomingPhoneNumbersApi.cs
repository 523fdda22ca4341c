using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VoiceAgent.TwilioApiStandIn.Numbers;

namespace VoiceAgent.TwilioApiStandIn.Rest;

/// <summary>
/// <c>/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json</c>: list (filters <c>PhoneNumber</c>, exact E.164 or
/// digits contained, and <c>FriendlyName</c>), fetch one, and update one (form: <c>VoiceUrl</c>, <c>VoiceMethod</c>,
/// <c>VoiceFallbackUrl</c>, <c>VoiceFallbackMethod</c>, <c>StatusCallback</c>, <c>StatusCallbackMethod</c>, <c>SmsUrl</c>,
/// <c>SmsMethod</c>, <c>SmsFallbackUrl</c>, <c>SmsFallbackMethod</c>, <c>FriendlyName</c>; a field not sent keeps its value,
/// one sent empty clears it). Buying and releasing numbers are not served.
/// </summary>
internal static class IncomingPhoneNumbersApi
{
    private static readonly string[] Methods = ["GET", "POST"];

    public static void MapIncomingPhoneNumbers(this RouteGroupBuilder account)
    {
        account.MapGet("/IncomingPhoneNumbers.json", List);
        account.MapGet("/IncomingPhoneNumbers/{numberSid}.json", Fetch);
        account.MapPost("/IncomingPhoneNumbers/{numberSid}.json", UpdateAsync);
    }

    private static IResult List(HttpRequest request, StandInContext context)
    {
        string? number = Filter(request, "PhoneNumber"), name = Filter(request, "FriendlyName");
        var digits = number is null ? null : new string(number.Where(char.IsAsciiDigit).ToArray());
        var matching = context.Numbers.Numbers
            .Where(n => number is null || n.PhoneNumber == number || (digits!.Length > 0 && n.PhoneNumber.Contains(digits, StringComparison.Ordinal)))
            .Where(n => name is null || string.Equals(n.FriendlyName ?? PhoneNumbers.Formatted(n.PhoneNumber), name, StringComparison.Ordinal))
            .Select(n => IncomingPhoneNumberJson.Of(context.Account.AccountSid, n))
            .ToList();
        return ListPage.Create(request, "incoming_phone_numbers", matching);
    }

    private static IResult Fetch(string numberSid, HttpRequest request, StandInContext context) =>
        context.Numbers.Find(numberSid) is { } number
            ? TypedResults.Json(IncomingPhoneNumberJson.Of(context.Account.AccountSid, number), TwilioJson.Options)
            : TwilioError.NotFound(request.Path).ToResult();

    private static async Task<IResult> UpdateAsync(string numberSid, HttpContext http, StandInContext context)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (Invalid(form) is { } invalid)
        {
            return invalid.ToResult();
        }

        var now = context.Time.GetUtcNow();
        var updated = context.Numbers.Update(numberSid, n => n with
        {
            FriendlyName = Text(form, "FriendlyName", n.FriendlyName),
            VoiceUrl = Text(form, "VoiceUrl", n.VoiceUrl),
            VoiceMethod = Method(form, "VoiceMethod", n.VoiceMethod),
            VoiceFallbackUrl = Text(form, "VoiceFallbackUrl", n.VoiceFallbackUrl),
            VoiceFallbackMethod = Method(form, "VoiceFallbackMethod", n.VoiceFallbackMethod),
            StatusCallback = Text(form, "StatusCallback", n.StatusCallback),
            StatusCallbackMethod = Method(form, "StatusCallbackMethod", n.StatusCallbackMethod),
            SmsUrl = Text(form, "SmsUrl", n.SmsUrl),
            SmsMethod = Method(form, "SmsMethod", n.SmsMethod),
            SmsFallbackUrl = Text(form, "SmsFallbackUrl", n.SmsFallbackUrl),
            SmsFallbackMethod = Method(form, "SmsFallbackMethod", n.SmsFallbackMethod),
            DateUpdated = now,
        });
        return updated is null
            ? TwilioError.NotFound(http.Request.Path).ToResult()
            : TypedResults.Json(IncomingPhoneNumberJson.Of(context.Account.AccountSid, updated), TwilioJson.Options);
    }

    /// <summary>Twilio's 21502/21503-style refusals: a URL that is not absolute http(s), a method other than GET or POST.</summary>
    private static TwilioError? Invalid(IFormCollection form)
    {
        foreach (var field in new[] { "VoiceUrl", "VoiceFallbackUrl", "StatusCallback", "SmsUrl", "SmsFallbackUrl" })
        {
            if (form[field].ToString() is { Length: > 0 } url
                && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                return TwilioError.BadRequest(21502, $"{field} is not valid: {url}");
            }
        }

        foreach (var field in new[] { "VoiceMethod", "VoiceFallbackMethod", "StatusCallbackMethod", "SmsMethod", "SmsFallbackMethod" })
        {
            if (form[field].ToString() is { Length: > 0 } method && !Methods.Contains(method.ToUpperInvariant(), StringComparer.Ordinal))
            {
                return TwilioError.BadRequest(21503, $"{field} must be GET or POST, not {method}");
            }
        }

        return null;
    }

    private static string? Text(IFormCollection form, string field, string? current) =>
        form.ContainsKey(field) ? (form[field].ToString() is { Length: > 0 } value ? value : null) : current;

    private static string Method(IFormCollection form, string field, string current) =>
        form[field].ToString() is { Length: > 0 } value ? value.ToUpperInvariant() : current;

    private static string? Filter(HttpRequest request, string name) => request.Query[name].ToString() is { Length: > 0 } value ? value.Trim() : null;
}
