namespace VoiceAgent.Smoke;

/// <summary>
/// The webhook URLs a Twilio number needs for one deployment of the function app, as infra/main.bicep outputs them
/// (<c>TWILIO_VOICE_URL</c>, <c>TWILIO_FALLBACK_URL</c>, <c>TWILIO_STATUS_CALLBACK_URL</c>) and as the functions route them,
/// plus the SMS webhook (STOP/START/HELP). Every one is called with HTTP POST.
/// </summary>
public sealed record DeploymentWebhooks
{
    public const string HealthPath = "/api/health";
    public const string VoicePath = "/api/voice/incoming";
    public const string FallbackPath = "/api/voice/fallback";
    public const string StatusCallbackPath = "/api/voice/status";
    public const string SmsPath = "/api/sms/incoming";
    public const string Method = "POST";

    private DeploymentWebhooks(Uri appUrl) => AppUrl = appUrl;

    /// <summary>The app's public base URL, scheme and host only (what Twilio signs).</summary>
    public Uri AppUrl { get; }

    public string Base => AppUrl.GetLeftPart(UriPartial.Authority);

    public string VoiceUrl => Base + VoicePath;

    public string FallbackUrl => Base + FallbackPath;

    public string StatusCallbackUrl => Base + StatusCallbackPath;

    public string SmsUrl => Base + SmsPath;

    /// <summary>The app at <paramref name="appUrl"/>: an absolute http(s) URL with no path beyond <c>/</c>.</summary>
    public static DeploymentWebhooks For(string appUrl)
    {
        if (!Uri.TryCreate(appUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath is not ("/" or "") || uri.Query.Length > 0)
        {
            throw new UsageException($"The app URL is a scheme and host, e.g. https://<function app>.azurewebsites.net (got '{appUrl}').");
        }

        return new DeploymentWebhooks(uri);
    }
}
