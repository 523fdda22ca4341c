using System.ComponentModel.DataAnnotations;

namespace VoiceAgent.Core.Telephony;

/// <summary>Twilio account settings. The auth token comes from Key Vault (Azure) or the environment (local), never source.</summary>
public sealed class TwilioOptions
{
    public const string Section = "Twilio";

    /// <summary>Signs and validates every webhook (<c>X-Twilio-Signature</c>).</summary>
    [Required(ErrorMessage = "Twilio:AuthToken is required: every webhook is validated with it.")]
    public string AuthToken { get; set; } = string.Empty;

    /// <summary>The account the REST client (SMS, outbound calls) acts for.</summary>
    public string? AccountSid { get; set; }

    /// <summary>
    /// Where the REST client sends Twilio API requests instead of <c>https://api.twilio.com</c> (and Twilio's other API
    /// hosts): a local stand-in for local runs and tests. Empty in Azure.
    /// </summary>
    public Uri? ApiBaseUrl { get; set; }

    /// <summary>The public base URL Twilio calls (e.g. <c>https://voiceagent-func.azurewebsites.net</c>); proxies rewrite Host, so it is configured.</summary>
    [Required(ErrorMessage = "Twilio:PublicBaseUrl is required: signatures are computed over the URL Twilio requested.")]
    public Uri? PublicBaseUrl { get; set; }
}
