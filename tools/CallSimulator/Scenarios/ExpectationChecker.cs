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
    public static IReadOnlyList<string> Check(Scenario scenario, CallResult call, CallSession? session, AppointmentOutcome appointments)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(appointments);
        var reasons = new List<string>();
        var expect = scenario.Expect;

        var expectedBooked = expect.Booked.Select(Describe).Order(StringComparer.Ordinal).ToList();
        var actualBooked = appointments.Booked.Select(Describe).Order(StringComparer.Ordinal).ToList();
        if (!expectedBooked.SequenceEqual(actualBooked, StringComparer.Ordinal))
        {
            reasons.Add($"expected booked [{string.Join("; ", expectedBooked)}], but storage shows [{string.Join("; ", actualBooked)}]");
        }

        var expectedCancelled = expect.Cancelled.Select(Instant).Order(StringComparer.Ordinal).ToList();
        var actualCancelled = appointments.Cancelled.Select(Instant).Order(StringComparer.Ordinal).ToList();
        if (!expectedCancelled.SequenceEqual(actualCancelled, StringComparer.Ordinal))
        {
            reasons.Add($"expected cancelled [{string.Join("; ", expectedCancelled)}], but storage shows [{string.Join("; ", actualCancelled)}]");
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

    private static string Describe(ExpectedBooking booking) => $"{booking.Service.ToLowerInvariant()} at {Instant(booking.Start)}";

    /// <summary>The same instant prints the same whatever offset it was written with.</summary>
    private static string Instant(DateTimeOffset start) => start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static string? Normalize(string? number) =>
        string.IsNullOrWhiteSpace(number) ? null : PhoneNumber.TryParse(number, "US", out var parsed) ? parsed.E164 : number.Trim();
}
