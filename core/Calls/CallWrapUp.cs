namespace VoiceAgent.Core.Calls;

/// <summary>
/// What a finished call comes to, kept on its record for staff: the <see cref="Outcome"/> that matters most and every
/// one it had, the appointments it touched, a short summary, what went badly, and its slowest turn.
/// </summary>
public sealed record CallWrapUp
{
    /// <summary>The first of rescheduled, booked, cancelled, message, transferred that the call had; else <c>nothing</c>.</summary>
    public required string Outcome { get; init; }

    /// <summary>Every outcome the call had, in that order of weight (e.g. <c>booked</c>, <c>transferred</c>).</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = [];

    /// <summary>The appointments it booked, moved (the new one) or cancelled.</summary>
    public IReadOnlyList<string> AppointmentIds { get; init; } = [];

    /// <summary>Two or three sentences: the model's when it wrote one (<see cref="SummaryByModel"/>), else built from the call's own state.</summary>
    public required string Summary { get; init; }

    /// <summary>The language model wrote <see cref="Summary"/> (and <see cref="Sentiment"/>).</summary>
    public bool SummaryByModel { get; init; }

    /// <summary>How the caller came across, by the model: <c>positive</c>, <c>neutral</c> or <c>negative</c>; null without the model.</summary>
    public string? Sentiment { get; init; }

    /// <summary>What went badly (<see cref="CallFlags"/>); empty for a call that went well.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>The slowest turn, from the caller's words reaching us to the reply out; null with no turn.</summary>
    public double? SlowestTurnMilliseconds { get; init; }
}

/// <summary>The ways a call can go badly that staff filter on.</summary>
public static class CallFlags
{
    /// <summary>Handed to a person after the agent failed to understand at least twice.</summary>
    public const string TransferAfterFailures = "transfer-after-failures";

    /// <summary>The caller hung up while booking, moving, cancelling or listing was under way.</summary>
    public const string HungUpMidTask = "hung-up-mid-task";

    /// <summary>A turn took longer than <see cref="CallWrapUps.SlowTurn"/>.</summary>
    public const string SlowTurn = "slow-turn";

    /// <summary>Something failed on our side and the caller heard the apology: the model's, or the webhook's fallback answer.</summary>
    public const string ApologyFallback = "apology-fallback";
}
