using System.Security.Cryptography;

namespace VoiceAgent.CallSimulator.Telephony;

/// <summary>
/// Who calls whom, under which Twilio ids: the fields Twilio repeats on every webhook of one call. <see cref="Direction"/>
/// is <c>inbound</c> for a call to the shop and <c>outbound-api</c> for one the app placed (then <see cref="From"/> is the shop).
/// </summary>
public sealed record CallIdentity(string CallSid, string AccountSid, string From, string To, string Direction = "inbound")
{
    /// <summary>A new inbound call with fresh ids (<c>CA</c>/<c>AC</c> + 32 hex digits, as Twilio issues them).</summary>
    public static CallIdentity NewInbound(string from, string to) => new(NewSid("CA"), NewSid("AC"), from, to);

    /// <summary>The standard request parameters (protocols.md §4.1) with the given call status.</summary>
    public List<KeyValuePair<string, string>> Fields(string callStatus) =>
    [
        new("AccountSid", AccountSid),
        new("ApiVersion", "2010-04-01"),
        new("CallSid", CallSid),
        new("CallStatus", callStatus),
        new("Called", To),
        new("Caller", From),
        new("Direction", Direction),
        new("From", From),
        new("To", To),
    ];

    private static string NewSid(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
