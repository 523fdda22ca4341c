namespace VoiceAgent.TwilioApiStandIn.Messaging;

/// <summary>
/// One message the stand-in accepted (<c>POST Messages.json</c> answered 201), as its resource reads now. Every accepted
/// request is one message: the stand-in never de-duplicates, as Twilio does not.
/// </summary>
public sealed record RecordedMessage
{
    public required string Sid { get; init; }
    /// <summary>Its place in the order the stand-in accepted messages and calls (one order for both).</summary>
    public long Sequence { get; init; }
    public required string AccountSid { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public required string Body { get; init; }
    /// <summary><c>queued</c> in the create answer; <c>sent</c>, then <c>delivered</c> right after.</summary>
    public required string Status { get; init; }
    public required DateTimeOffset DateCreated { get; init; }
    public DateTimeOffset DateUpdated { get; init; }
    /// <summary>Null until the message leaves the queue.</summary>
    public DateTimeOffset? DateSent { get; init; }
    /// <summary>The <c>StatusCallback</c> URL exactly as the request gave it, or null.</summary>
    public string? StatusCallback { get; init; }
}
