using System.Text.RegularExpressions;

namespace VoiceAgent.CallSimulator.Scenarios;

/// <summary>
/// The <c>expect:</c> block. Omitted keys default to: nothing booked, nothing cancelled, not transferred, no phrases
/// required; <see cref="Texts"/>, <see cref="CallsToCaller"/> and <see cref="Reminder"/> are checked only when given.
/// </summary>
public sealed record ScenarioExpectation
{
    /// <summary>Appointments created during the scenario and still booked (exactly these).</summary>
    public IReadOnlyList<ExpectedBooking> Booked { get; init; } = [];
    /// <summary>Starts of appointments cancelled during the scenario (exactly these).</summary>
    public IReadOnlyList<DateTimeOffset> Cancelled { get; init; } = [];
    /// <summary>The number the call was handed to, or null.</summary>
    public string? TransferredTo { get; init; }
    /// <summary>Regexes the agent must have matched at some point, on the call or on a call the shop placed.</summary>
    public IReadOnlyList<Regex> Said { get; init; } = [];
    /// <summary>Every text sent to <c>from</c>, in order: exactly that many, each matching its regex; null: not checked.</summary>
    public IReadOnlyList<Regex>? Texts { get; init; }
    /// <summary>How many calls the shop placed to <c>from</c>; null: not checked.</summary>
    public int? CallsToCaller { get; init; }
    /// <summary>The reminder outcome on the appointment <c>given</c> or created by the call; null: not checked.</summary>
    public ExpectedReminder? Reminder { get; init; }
}
