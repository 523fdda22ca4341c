using System.ComponentModel.DataAnnotations;

namespace VoiceAgent.Core.Telephony;

/// <summary>Twilio account settings. The auth token comes from Key Vault (Azure) or the environment (local), never source.</summary>
public sealed class TwilioOptions
{
    public const string Section = "Twilio";

    /// <summary>Signs and validates every webhook (<c>X-Twilio-Signature</c>).</summary>
    [Required(ErrorMessage = "Twilio:AuthToken is required: every webhook is validated with it.")]
    public string AuthToken { get; set; } = string.Empty;

    public string? AccountSid { get; set; }

    /// <summary>The public base URL Twilio calls (e.g. <c>https://voiceagent-func.azurewebsites.net</c>); proxies rewrite Host, so it is configured.</summary>
    [Required(ErrorMessage = "Twilio:PublicBaseUrl is required: signatures are computed over the URL Twilio requested.")]
    public Uri? PublicBaseUrl { get; set; }
}
