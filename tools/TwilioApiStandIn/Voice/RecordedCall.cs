using VoiceAgent.TwilioApiStandIn.Webhooks;

namespace VoiceAgent.TwilioApiStandIn.Voice;

/// <summary>
/// One call the stand-in accepted (<c>POST Calls.json</c> answered 201), as it stands now: its request, its status,
/// the callbacks sent for it (in order) and what was said on it. Every accepted request is one call, never de-duplicated.
/// </summary>
public sealed record RecordedCall
{
    public required string Sid { get; init; }
    /// <summary>Its place in the order the stand-in accepted messages and calls (one order for both).</summary>
    public long Sequence { get; init; }
    public required string AccountSid { get; init; }
    /// <summary>The caller id (the shop).</summary>
    public required string From { get; init; }
    /// <summary>The callee.</summary>
    public required string To { get; init; }
    /// <summary>The request's <c>Url</c> exactly as given, or null when it gave <see cref="Twiml"/>.</summary>
    public string? Url { get; init; }
    public string Method { get; init; } = "POST";
    public string? Twiml { get; init; }
    public string? StatusCallback { get; init; }
    public string StatusCallbackMethod { get; init; } = "POST";
    /// <summary>The progress events asked for (<c>initiated ringing answered completed</c>); Twilio's default is <c>completed</c>.</summary>
    public IReadOnlyList<string> StatusCallbackEvents { get; init; } = ["completed"];
    public string? MachineDetection { get; init; }
    public TimeSpan RingTimeout { get; init; } = TimeSpan.FromSeconds(60);
    public required string Status { get; init; }
    public string? AnsweredBy { get; init; }
    public required DateTimeOffset DateCreated { get; init; }
    public DateTimeOffset DateUpdated { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? EndTime { get; init; }
    /// <summary>Seconds from answer to hang-up; set when the call ended.</summary>
    public int? Duration { get; init; }
    /// <summary>How the phone picked up (null until it rang).</summary>
    public PhonePickup? PickedUpBy { get; init; }
    /// <summary>The status callbacks sent, in order.</summary>
    public IReadOnlyList<SentWebhook> Callbacks { get; init; } = [];
    /// <summary>Updates made through the API while the call was live, in order.</summary>
    public IReadOnlyList<LiveCallUpdate> Updates { get; init; } = [];
    /// <summary>What was said, as the phone heard it (<c>Agent: …</c>, <c>Caller: …</c>, <c>[event]</c>).</summary>
    public IReadOnlyList<string> Transcript { get; init; } = [];
    /// <summary>Why the call's playback failed (a webhook error, TwiML Twilio could not play), or null.</summary>
    public string? Error { get; init; }

    public bool IsLive => CallStatuses.IsLive(Status);
}
