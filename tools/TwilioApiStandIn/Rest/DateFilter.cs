using Microsoft.AspNetCore.Http;

namespace VoiceAgent.TwilioApiStandIn.Rest;

/// <summary>
/// A list filter on a date field, as Twilio names it in the query: <c>Field</c> (that day, or that instant),
/// <c>Field&gt;</c> (on or after) and <c>Field&lt;</c> (on or before); the SDK sends <c>DateSentAfter</c> as
/// <c>DateSent&gt;=…</c>. A day (<c>2026-12-01</c>) is a whole UTC day. Records without the date never match a filter.
/// </summary>
internal sealed record DateFilter(DateTimeOffset? OnOrAfter, DateTimeOffset? Before, DateTimeOffset? Exactly)
{
    public bool IsEmpty => OnOrAfter is null && Before is null && Exactly is null;

    /// <summary>Reads <paramref name="field"/>'s three forms; a value that is not a date is Twilio's 400.</summary>
    public static DateFilter Read(IQueryCollection query, string field, out TwilioError? error)
    {
        error = null;
        DateTimeOffset? onOrAfter = null, before = null, exactly = null;
        if (Value(query, field + ">") is { } after)
        {
            if (!TwilioDates.TryParseFilter(after, out var value, out _))
            {
                error = Invalid(field, after);
            }

            onOrAfter = value;
        }

        if (Value(query, field + "<") is { } until)
        {
            if (!TwilioDates.TryParseFilter(until, out var value, out var isDay))
            {
                error = Invalid(field, until);
            }

            // "on or before": a whole day reaches to its end; an instant is included.
            before = isDay ? value.AddDays(1) : value.AddTicks(1);
        }

        if (Value(query, field) is { } on)
        {
            if (!TwilioDates.TryParseFilter(on, out var value, out var isDay))
            {
                error = Invalid(field, on);
            }

            if (isDay)
            {
                onOrAfter = value;
                before = value.AddDays(1);
            }
            else
            {
                exactly = value;
            }
        }

        return new DateFilter(onOrAfter, before, exactly);
    }

    public bool Matches(DateTimeOffset? date) =>
        IsEmpty || (date is { } d && (OnOrAfter is null || d >= OnOrAfter) && (Before is null || d < Before) && (Exactly is null || d == Exactly));

    private static string? Value(IQueryCollection query, string key) => query.TryGetValue(key, out var values) ? values.ToString() : null;

    private static TwilioError Invalid(string field, string value) => TwilioError.BadRequest(20001, $"Invalid {field} filter: '{value}' is not a date");
}
