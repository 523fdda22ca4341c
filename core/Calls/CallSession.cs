using VoiceAgent.Core.Conversation;

namespace VoiceAgent.Core.Calls;

/// <summary>One phone call: who called which tenant, the conversation state, and how it ended. ETag-guarded in storage.</summary>
public sealed record CallSession
{
    public required string TenantId { get; init; }
    public required string CallSid { get; init; }
    /// <summary>E.164 of the caller.</summary>
    public required string CallerNumber { get; init; }
    public string? CustomerId { get; init; }
    public string? CustomerFirstName { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public string Status { get; init; } = CallStatuses.InProgress;
    public DateTimeOffset? EndedAt { get; init; }
    public int? DurationSeconds { get; init; }
    public string? TransferredTo { get; init; }
    /// <summary>
    /// Why the real-time session gave the call back (a <see cref="RealtimeHandoff"/> reason), for a transport that carries
    /// no handoff of its own to the <c>&lt;Connect action&gt;</c> (Media Streams): the host stores it before it lets go.
    /// </summary>
    public string? RealtimeEndReason { get; init; }
    public int TurnCount { get; init; }
    /// <summary>A webhook answered this call with the apology fallback (recorded best effort: storage may be what failed).</summary>
    public bool HeardApology { get; init; }
    /// <summary>What the finished call came to (outcome, summary, flags); null until its final status is recorded.</summary>
    public CallWrapUp? WrapUp { get; init; }
    public DialogState Dialog { get; init; } = new();
    /// <summary>Which of <see cref="DialogState.MessagesForStaff"/> (by index) staff have marked done in the dashboard's inbox.</summary>
    public IReadOnlyList<int> MessagesDone { get; init; } = [];
    /// <summary>Twilio's <c>I-Twilio-Idempotency-Token</c> of the last turn, and the TwiML answered to it (for retries).</summary>
    public string? LastTurnToken { get; init; }
    public string? LastTurnTwiml { get; init; }
    public string? ETag { get; init; }
}
