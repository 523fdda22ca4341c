using System.Globalization;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Telephony;

namespace VoiceAgent.CallSimulator.Scenarios;

/// <summary>
/// Compares what a scenario left behind with its <c>expect</c>, from what storage and the Twilio stand-in hold, not from
/// what the agent said; <c>said</c> is the one check on the agent's words (on the call and on calls the shop placed).
/// Returns the reasons to fail.
/// </summary>
public static class ExpectationChecker
{
    public static IReadOnlyList<string> Check(Scenario scenario, ScenarioObservation observed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(observed);
        var reasons = new List<string>();
        var expect = scenario.Expect;

        var expectedBooked = expect.Booked.Select(Describe).Order(StringComparer.Ordinal).ToList();
        var actualBooked = observed.Appointments.Booked.Select(Describe).Order(StringComparer.Ordinal).ToList();
        if (!expectedBooked.SequenceEqual(actualBooked, StringComparer.Ordinal))
        {
            reasons.Add($"expected booked [{string.Join("; ", expectedBooked)}], but storage shows [{string.Join("; ", actualBooked)}]");
        }

        var expectedCancelled = expect.Cancelled.Select(Instant).Order(StringComparer.Ordinal).ToList();
        var actualCancelled = observed.Appointments.Cancelled.Select(Instant).Order(StringComparer.Ordinal).ToList();
        if (!expectedCancelled.SequenceEqual(actualCancelled, StringComparer.Ordinal))
        {
            reasons.Add($"expected cancelled [{string.Join("; ", expectedCancelled)}], but storage shows [{string.Join("; ", actualCancelled)}]");
        }

        if (scenario.HasInboundCall)
        {
            CheckInboundCall(expect, observed, reasons);
        }

        var said = (observed.Inbound?.AgentSaid ?? []).Concat(observed.CallsToCaller.SelectMany(c => c.Transcript).Where(l => l.StartsWith("Agent: ", StringComparison.Ordinal)).Select(l => l["Agent: ".Length..])).ToList();
        foreach (var pattern in expect.Said)
        {
            if (!said.Any(pattern.IsMatch))
            {
                reasons.Add($"the agent never said anything matching /{pattern}/");
            }
        }

        CheckTexts(expect, observed, reasons);
        if (expect.CallsToCaller is { } calls && calls != observed.CallsToCaller.Count)
        {
            reasons.Add($"expected {Plural(calls, "call")} to the caller, but the Twilio stand-in shows {Plural(observed.CallsToCaller.Count, "call")}{Outcomes(observed)}");
        }

        if (observed.CallsToCaller.FirstOrDefault(c => c.Error is not null) is { } failed)
        {
            reasons.Add($"the call the shop placed ({failed.Sid}) failed: {failed.Error}");
        }

        CheckReminder(expect, observed, reasons);
        return reasons;
    }

    private static void CheckInboundCall(ScenarioExpectation expect, ScenarioObservation observed, List<string> reasons)
    {
        if (observed.Inbound?.Error is { } error)
        {
            reasons.Add(error);
        }

        if (observed.Session is null)
        {
            reasons.Add("storage holds no session for the call");
            return;
        }

        var actual = Normalize(observed.Session.TransferredTo);
        var expected = Normalize(expect.TransferredTo);
        if (!string.Equals(actual, expected, StringComparison.Ordinal))
        {
            reasons.Add(expected is null
                ? $"expected no transfer, but storage shows the call transferred to {actual}"
                : $"expected a transfer to {expected}, but storage shows {(actual is null ? "no transfer" : $"a transfer to {actual}")}");
        }
    }

    /// <summary>Exactly as many texts as regexes, the n-th text matching the n-th regex.</summary>
    private static void CheckTexts(ScenarioExpectation expect, ScenarioObservation observed, List<string> reasons)
    {
        if (expect.Texts is not { } patterns)
        {
            return;
        }

        var texts = observed.Texts;
        if (texts.Count != patterns.Count)
        {
            reasons.Add($"expected {Plural(patterns.Count, "text")} to the caller, but the Twilio stand-in shows {Plural(texts.Count, "text")}{Bodies(texts.Select(t => t.Body))}");
            return;
        }

        for (var i = 0; i < texts.Count; i++)
        {
            if (!patterns[i].IsMatch(texts[i].Body))
            {
                reasons.Add($"text {i + 1} of {texts.Count} does not match /{patterns[i]}/: \"{texts[i].Body}\"");
            }
        }
    }

    private static void CheckReminder(ScenarioExpectation expect, ScenarioObservation observed, List<string> reasons)
    {
        if (expect.Reminder is not { } expected)
        {
            return;
        }

        var wanted = expected.ToString().ToLowerInvariant();
        if (observed.ReminderSubject is not { } appointment)
        {
            reasons.Add($"expected reminder {wanted}, but there is no appointment to read it from (none given, none booked by the call)");
            return;
        }

        var actual = Reading(appointment.Reminder.Outcome);
        if (!string.Equals(actual, wanted, StringComparison.Ordinal))
        {
            reasons.Add($"expected reminder {wanted}, but the appointment ({appointment.Service} at {Instant(appointment.Start)}) shows {actual} after {Plural(appointment.Reminder.Attempts, "attempt")}");
        }
    }

    /// <summary>The scenario word for a stored outcome: none covers "no reminder made" and "not needed"; states in flight read as themselves.</summary>
    public static string Reading(ReminderOutcome outcome) => outcome switch
    {
        ReminderOutcome.None or ReminderOutcome.NotNeeded => "none",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    private static string Outcomes(ScenarioObservation observed) =>
        observed.CallsToCaller.Count == 0 ? string.Empty : $" ({string.Join(", ", observed.CallsToCaller.Select(c => c.AnsweredBy is { } by ? $"{c.Status}, {by}" : c.Status))})";

    private static string Bodies(IEnumerable<string> bodies) => string.Concat(bodies.Select(b => $"{Environment.NewLine}    \"{b}\""));

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count.ToString(CultureInfo.InvariantCulture)} {noun}s";

    private static string Describe(ExpectedBooking booking) => $"{booking.Service.ToLowerInvariant()} at {Instant(booking.Start)}";

    /// <summary>The same instant prints the same whatever offset it was written with.</summary>
    private static string Instant(DateTimeOffset start) => start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    private static string? Normalize(string? number) =>
        string.IsNullOrWhiteSpace(number) ? null : PhoneNumber.TryParse(number, "US", out var parsed) ? parsed.E164 : number.Trim();
}
