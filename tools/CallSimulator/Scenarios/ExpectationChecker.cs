using VoiceAgent.CallSimulator.Telephony;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Telephony;

namespace VoiceAgent.CallSimulator.Scenarios;

/// <summary>
/// Compares a call's outcome with the scenario's <c>expect</c>, from what storage holds (the call session row), not
/// from what the agent said; <c>said</c> is the one check on the agent's words. Returns the reasons to fail.
/// </summary>
public static class ExpectationChecker
{
    public const string BookingNotBuilt = "appointment checks need the booking feature (not built yet)";

    public static IReadOnlyList<string> Check(Scenario scenario, CallResult call, CallSession? session)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(call);
        var reasons = new List<string>();
        var expect = scenario.Expect;

        // Appointments are not in storage yet: such a scenario cannot be checked, so it must not pass.
        if (scenario.Given.Count > 0 || expect.Booked.Count > 0 || expect.Cancelled.Count > 0)
        {
            reasons.Add(BookingNotBuilt);
        }

        if (call.Error is not null)
        {
            reasons.Add(call.Error);
        }

        if (session is null)
        {
            reasons.Add("storage holds no session for the call");
        }
        else
        {
            var actual = Normalize(session.TransferredTo);
            var expected = Normalize(expect.TransferredTo);
            if (!string.Equals(actual, expected, StringComparison.Ordinal))
            {
                reasons.Add(expected is null
                    ? $"expected no transfer, but storage shows the call transferred to {actual}"
                    : $"expected a transfer to {expected}, but storage shows {(actual is null ? "no transfer" : $"a transfer to {actual}")}");
            }
        }

        var said = call.AgentSaid.ToList();
        foreach (var pattern in expect.Said)
        {
            if (!said.Any(pattern.IsMatch))
            {
                reasons.Add($"the agent never said anything matching /{pattern}/");
            }
        }

        return reasons;
    }

    private static string? Normalize(string? number) =>
        string.IsNullOrWhiteSpace(number) ? null : PhoneNumber.TryParse(number, "US", out var parsed) ? parsed.E164 : number.Trim();
}
