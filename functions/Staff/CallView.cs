namespace VoiceAgent.Functions.Staff;

/// <summary>A call in the history as staff see it: times in the shop's time zone, and what it came to once it ended.</summary>
public sealed record CallView(
    string CallSid,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    int? DurationSeconds,
    string Status,
    string CallerNumber,
    string? CustomerFirstName,
    string? Outcome,
    IReadOnlyList<string> Outcomes,
    string? Summary,
    bool SummaryByModel,
    string? Sentiment,
    IReadOnlyList<string> Flags,
    IReadOnlyList<string> AppointmentIds,
    double? SlowestTurnMilliseconds,
    string? TransferredTo);

/// <summary>One call in full: its history entry, every turn with its latency, and the messages left for staff.</summary>
public sealed record CallDetailView(CallView Call, IReadOnlyList<CallTurnView> Turns, IReadOnlyList<string> MessagesForStaff);

/// <summary>One exchange: what the caller said (or pressed), the agent's reply, and how long the reply took.</summary>
public sealed record CallTurnView(int Turn, DateTimeOffset At, string? Caller, string Agent, string Action, double Milliseconds);
