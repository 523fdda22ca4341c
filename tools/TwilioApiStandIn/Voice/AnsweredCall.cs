namespace VoiceAgent.TwilioApiStandIn.Voice;

/// <summary>
/// An answered outbound call, handed to <see cref="IOutboundPhone.TalkAsync"/>: the ids Twilio repeats on every webhook,
/// the first request to make (<see cref="Start"/>), and how to reach and sign the app's webhooks. URLs in the TwiML are on
/// <see cref="PublicBaseUrl"/> (what Twilio signs); requests go to <see cref="TargetBaseUrl"/>.
/// </summary>
public sealed record AnsweredCall
{
    public required string CallSid { get; init; }
    public required string AccountSid { get; init; }
    /// <summary>The caller id: the shop's number.</summary>
    public required string From { get; init; }
    /// <summary>The callee.</summary>
    public required string To { get; init; }
    public required PhoneAnswer Answer { get; init; }
    /// <summary>The detection result sent as <c>AnsweredBy</c>; null when the call asked for no machine detection.</summary>
    public string? AnsweredBy { get; init; }
    public required CallDocument Start { get; init; }
    public required Uri PublicBaseUrl { get; init; }
    public required Uri TargetBaseUrl { get; init; }
    /// <summary>Signs every request (<c>X-Twilio-Signature</c>): the account's auth token.</summary>
    public required string AuthToken { get; init; }
    /// <summary>The next update made through the REST API (redirect, new TwiML, hang up), or null when there is none.</summary>
    public required Func<LiveCallUpdate?> TakeUpdate { get; init; }
}
