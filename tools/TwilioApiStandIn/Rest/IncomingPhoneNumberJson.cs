using VoiceAgent.TwilioApiStandIn.Numbers;

namespace VoiceAgent.TwilioApiStandIn.Rest;

/// <summary>
/// An IncomingPhoneNumber resource as Twilio's 2010-04-01 API writes it (its fields, snake_case by <see cref="TwilioJson"/>);
/// the stand-in's numbers are local, voice and SMS capable, in use, with no application, trunk, address or bundle.
/// </summary>
internal sealed record IncomingPhoneNumberJson(
    string AccountSid,
    string? AddressSid,
    string AddressRequirements,
    string ApiVersion,
    bool Beta,
    IReadOnlyDictionary<string, bool> Capabilities,
    string DateCreated,
    string DateUpdated,
    string FriendlyName,
    string? IdentitySid,
    string PhoneNumber,
    string Origin,
    string Sid,
    string? SmsApplicationSid,
    string SmsFallbackMethod,
    string? SmsFallbackUrl,
    string SmsMethod,
    string? SmsUrl,
    string? StatusCallback,
    string StatusCallbackMethod,
    string? TrunkSid,
    string Uri,
    string VoiceReceiveMode,
    string? VoiceApplicationSid,
    bool VoiceCallerIdLookup,
    string VoiceFallbackMethod,
    string? VoiceFallbackUrl,
    string VoiceMethod,
    string? VoiceUrl,
    string EmergencyStatus,
    string? EmergencyAddressSid,
    string EmergencyAddressStatus,
    string? BundleSid,
    string Status,
    IReadOnlyDictionary<string, string> SubresourceUris)
{
    public static IncomingPhoneNumberJson Of(string accountSid, OwnedNumber number)
    {
        var path = $"/2010-04-01/Accounts/{accountSid}/IncomingPhoneNumbers/{number.Sid}";
        return new IncomingPhoneNumberJson(
            accountSid,
            null,
            "none",
            "2010-04-01",
            false,
            new Dictionary<string, bool> { ["fax"] = false, ["mms"] = true, ["sms"] = true, ["voice"] = true },
            TwilioDates.Rfc2822(number.DateCreated),
            TwilioDates.Rfc2822(number.DateUpdated),
            number.FriendlyName ?? PhoneNumbers.Formatted(number.PhoneNumber),
            null,
            number.PhoneNumber,
            "twilio",
            number.Sid,
            null,
            number.SmsFallbackMethod,
            number.SmsFallbackUrl,
            number.SmsMethod,
            number.SmsUrl,
            number.StatusCallback,
            number.StatusCallbackMethod,
            null,
            $"{path}.json",
            "voice",
            null,
            false,
            number.VoiceFallbackMethod,
            number.VoiceFallbackUrl,
            number.VoiceMethod,
            number.VoiceUrl,
            "Inactive",
            null,
            "unregistered",
            null,
            "in-use",
            new Dictionary<string, string> { ["assigned_add_ons"] = $"{path}/AssignedAddOns.json" });
    }
}
