using VoiceAgent.TwilioApiStandIn.Messaging;

namespace VoiceAgent.TwilioApiStandIn.Rest;

/// <summary>A Message resource as Twilio's API writes it (every field the 2010-04-01 resource has; snake_case by <see cref="TwilioJson"/>).</summary>
internal sealed record MessageJson(
    string AccountSid,
    string ApiVersion,
    string Body,
    string DateCreated,
    string? DateSent,
    string DateUpdated,
    string Direction,
    int? ErrorCode,
    string? ErrorMessage,
    string From,
    string? MessagingServiceSid,
    string NumMedia,
    string NumSegments,
    string? Price,
    string PriceUnit,
    string Sid,
    string Status,
    IReadOnlyDictionary<string, string> SubresourceUris,
    string To,
    string Uri)
{
    /// <summary>Twilio splits a GSM body into 153-character segments once it is longer than 160.</summary>
    public static MessageJson Of(RecordedMessage message)
    {
        var path = $"/2010-04-01/Accounts/{message.AccountSid}/Messages/{message.Sid}";
        var segments = message.Body.Length <= 160 ? 1 : (int)Math.Ceiling(message.Body.Length / 153.0);
        return new MessageJson(
            message.AccountSid,
            "2010-04-01",
            message.Body,
            TwilioDates.Rfc2822(message.DateCreated),
            TwilioDates.Rfc2822(message.DateSent),
            TwilioDates.Rfc2822(message.DateUpdated),
            "outbound-api",
            null,
            null,
            message.From,
            null,
            "0",
            segments.ToString(System.Globalization.CultureInfo.InvariantCulture),
            null,
            "USD",
            message.Sid,
            message.Status,
            new Dictionary<string, string> { ["media"] = $"{path}/Media.json", ["feedback"] = $"{path}/Feedback.json" },
            message.To,
            $"{path}.json");
    }
}
