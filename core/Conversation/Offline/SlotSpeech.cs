using System.Globalization;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Conversation.Offline;

/// <summary>Says dates, times and appointments in the shop's time zone the way a person would.</summary>
public static class SlotSpeech
{
    /// <summary>"Wednesday, December 2nd at 9 AM".</summary>
    public static string When(TenantProfile tenant, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return $"{Day(tenant.Time.DayOf(start))} at {HoursSpeech.Time(tenant.Time.TimeOf(start))}";
    }

    /// <summary>
    /// A start said from <paramref name="now"/>: "today at 3 PM", "tomorrow, Thursday, December 3rd at 10 AM", or
    /// "on Friday, December 4th at 8 AM".
    /// </summary>
    public static string WhenFrom(TenantProfile tenant, DateTimeOffset start, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var day = tenant.Time.DayOf(start);
        var today = tenant.Time.Today(now);
        return day == today ? $"today at {TimeOf(tenant, start)}"
            : day == today.AddDays(1) ? $"tomorrow, {When(tenant, start)}"
            : $"on {When(tenant, start)}";
    }

    /// <summary>"Wednesday, December 2nd".</summary>
    public static string Day(DateOnly date) =>
        $"{date.DayOfWeek}, {date.ToString("MMMM", CultureInfo.InvariantCulture)} {Ordinal(date.Day)}";

    public static string TimeOf(TenantProfile tenant, DateTimeOffset start) =>
        HoursSpeech.Time(tenant.Time.TimeOf(start));

    /// <summary>Several starts, grouped by day: "Wednesday, December 2nd at 8 AM, 8:30 AM or 9:30 AM".</summary>
    public static string Options(TenantProfile tenant, IReadOnlyList<DateTimeOffset> starts)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var groups = starts
            .GroupBy(s => tenant.Time.DayOf(s))
            .Select(g => $"{Day(g.Key)} at {Or([.. g.Select(s => TimeOf(tenant, s))])}")
            .ToList();
        return Or(groups);
    }

    /// <summary>"an oil change on Wednesday, December 2nd at 9 AM".</summary>
    public static string Appointment(TenantProfile tenant, Appointment appointment)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        return $"{Article(appointment.Service)} {appointment.Service} on {When(tenant, appointment.Start)}";
    }

    public static string Article(string noun) => "aeiou".Contains(char.ToLowerInvariant(noun[0]), StringComparison.Ordinal) ? "an" : "a";

    public static string Or(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} or {items[^1]}",
    };

    private static string Ordinal(int day) => day switch
    {
        1 or 21 or 31 => $"{day}st",
        2 or 22 => $"{day}nd",
        3 or 23 => $"{day}rd",
        _ => $"{day}th",
    };
}
