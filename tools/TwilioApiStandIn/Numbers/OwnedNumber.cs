namespace VoiceAgent.TwilioApiStandIn.Numbers;

/// <summary>
/// One of the account's phone numbers (an IncomingPhoneNumber) as it stands: its <c>PN</c> sid, the number, and the
/// webhooks Twilio calls for it (null until configured, as on a number just bought).
/// </summary>
public sealed record OwnedNumber
{
    public required string Sid { get; init; }
    public required string PhoneNumber { get; init; }
    public required DateTimeOffset DateCreated { get; init; }
    public required DateTimeOffset DateUpdated { get; init; }
    public string? FriendlyName { get; init; }
    public string? VoiceUrl { get; init; }
    public string VoiceMethod { get; init; } = "POST";
    public string? VoiceFallbackUrl { get; init; }
    public string VoiceFallbackMethod { get; init; } = "POST";
    public string? StatusCallback { get; init; }
    public string StatusCallbackMethod { get; init; } = "POST";
    public string? SmsUrl { get; init; }
    public string SmsMethod { get; init; } = "POST";
    public string? SmsFallbackUrl { get; init; }
    public string SmsFallbackMethod { get; init; } = "POST";
}
