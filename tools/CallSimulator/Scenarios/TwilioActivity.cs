using System.Globalization;
using VoiceAgent.Core.Tenants;
using VoiceAgent.TwilioApiStandIn;

namespace VoiceAgent.CallSimulator.Scenarios;

/// <summary>
/// What the Twilio stand-in saw during a scenario, as lines a person reads in a failure report: every text and every
/// call in the order the stand-in accepted them (the shop's local time and UTC, for DST checks), each call with its transcript,
/// then the texts it refused.
/// </summary>
public static class TwilioActivity
{
    public static IReadOnlyList<string> Describe(TwilioStandIn twilio, TenantProfile tenant)
    {
        ArgumentNullException.ThrowIfNull(twilio);
        ArgumentNullException.ThrowIfNull(tenant);
        string When(DateTimeOffset at) =>
            $"{tenant.Time.Local(at).ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} ({at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture)})";

        var accepted = twilio.Messages.Select(m => (m.Sequence, Lines: (IReadOnlyList<string>)[$"text to {m.To} at {When(m.DateCreated)}: \"{m.Body}\""]))
            .Concat(twilio.Calls.Select(c => (c.Sequence, Lines: (IReadOnlyList<string>)
            [
                $"call {c.Sid} to {c.To} at {When(c.DateCreated)}: {(c.AnsweredBy is { } by ? $"{c.Status}, answered by {by}" : c.Status)}",
                .. c.Transcript.Select(l => "  " + l),
            ])));
        var refused = twilio.RejectedMessages.Select(r => $"text to {r.To} at {When(r.At)} refused ({r.ErrorCode}): \"{r.Body}\"");
        return [.. accepted.OrderBy(a => a.Sequence).SelectMany(a => a.Lines), .. refused];
    }
}
