using System.Text.RegularExpressions;

namespace VoiceAgent.CallSimulator.Scenarios;

/// <summary>
/// The outcome a scenario expects. Omitted keys default to: nothing booked, nothing cancelled, not transferred,
/// no phrases required.
/// </summary>
public sealed record ScenarioExpectation
{
    /// <summary>Appointments this call created (exactly these).</summary>
    public IReadOnlyList<ExpectedBooking> Booked { get; init; } = [];
    /// <summary>Starts of appointments this call cancelled (exactly these).</summary>
    public IReadOnlyList<DateTimeOffset> Cancelled { get; init; } = [];
    /// <summary>The number the call was handed to, or null.</summary>
    public string? TransferredTo { get; init; }
    /// <summary>Regexes the agent must have matched at some point of the call.</summary>
    public IReadOnlyList<Regex> Said { get; init; } = [];
}
