namespace VoiceAgent.Smoke.Twilio;

/// <summary>
/// A Twilio account to ask about its numbers: the account SID, its auth token, and (local runs and tests only) the base URL
/// of a stand-in for Twilio's REST API (tools/TwilioApiStandIn) to send the SDK's requests to instead of api.twilio.com.
/// </summary>
public sealed record TwilioCredentials(string AccountSid, string AuthToken, Uri? ApiBaseUrl)
{
    public const string AccountSidVariable = "TWILIO_ACCOUNT_SID";
    public const string AuthTokenVariable = "TWILIO_AUTH_TOKEN";

    /// <summary>An account SID is <c>AC</c> and 32 hex digits.</summary>
    public static string CheckedAccountSid(string value) =>
        value.Length == 34 && value.StartsWith("AC", StringComparison.Ordinal) && value[2..].All(char.IsAsciiHexDigit)
            ? value
            : throw new UsageException($"A Twilio account SID is AC and 32 hex digits (got '{value}').");

    public static Uri? CheckedApiBaseUrl(string? value) =>
        value is null ? null
        : Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
        : throw new UsageException($"--twilio-api-url is an http(s) URL (got '{value}').");
}
