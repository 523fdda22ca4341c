using System.Globalization;
using VoiceAgent.TwilioApiStandIn.Voice;

namespace VoiceAgent.TwilioApiStandIn.Rest;

/// <summary>A Call resource as Twilio's API writes it (every field the 2010-04-01 resource has; snake_case by <see cref="TwilioJson"/>).</summary>
internal sealed record CallJson(
    string AccountSid,
    string? AnsweredBy,
    string ApiVersion,
    string? CallerName,
    string DateCreated,
    string DateUpdated,
    string Direction,
    string? Duration,
    string? EndTime,
    string? ForwardedFrom,
    string From,
    string FromFormatted,
    string? GroupSid,
    string? ParentCallSid,
    string? PhoneNumberSid,
    string? Price,
    string PriceUnit,
    string QueueTime,
    string Sid,
    string? StartTime,
    string Status,
    IReadOnlyDictionary<string, string> SubresourceUris,
    string To,
    string ToFormatted,
    string? TrunkSid,
    string Uri)
{
    public static CallJson Of(RecordedCall call)
    {
        var path = $"/2010-04-01/Accounts/{call.AccountSid}/Calls/{call.Sid}";
        return new CallJson(
            call.AccountSid,
            call.AnsweredBy,
            "2010-04-01",
            null,
            TwilioDates.Rfc2822(call.DateCreated),
            TwilioDates.Rfc2822(call.DateUpdated),
            "outbound-api",
            call.Duration?.ToString(CultureInfo.InvariantCulture),
            TwilioDates.Rfc2822(call.EndTime),
            null,
            call.From,
            PhoneNumbers.Formatted(call.From),
            null,
            null,
            null,
            null,
            "USD",
            "0",
            call.Sid,
            TwilioDates.Rfc2822(call.StartTime),
            call.Status,
            new Dictionary<string, string>
            {
                ["notifications"] = $"{path}/Notifications.json",
                ["recordings"] = $"{path}/Recordings.json",
                ["events"] = $"{path}/Events.json",
            },
            call.To,
            PhoneNumbers.Formatted(call.To),
            null,
            $"{path}.json");
    }
}
