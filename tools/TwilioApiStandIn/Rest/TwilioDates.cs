using System.Globalization;

namespace VoiceAgent.TwilioApiStandIn.Rest;

/// <summary>
/// Dates as Twilio's 2010-04-01 API writes them (RFC 2822, always UTC: <c>Tue, 01 Dec 2026 15:15:00 +0000</c>) and reads
/// them in list filters (<c>2026-12-01</c> or ISO 8601 <c>2026-12-01T15:15:00Z</c>, as the SDK sends them).
/// </summary>
public static class TwilioDates
{
    public static string Rfc2822(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    public static string? Rfc2822(DateTimeOffset? value) => value is { } v ? Rfc2822(v) : null;

    /// <summary>A filter value: a whole UTC day (<paramref name="isDay"/>) or an instant. False when it is neither.</summary>
    public static bool TryParseFilter(string? text, out DateTimeOffset value, out bool isDay)
    {
        isDay = false;
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            isDay = true;
            value = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }
}
