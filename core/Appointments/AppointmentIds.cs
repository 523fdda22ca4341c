using System.Globalization;

namespace VoiceAgent.Core.Appointments;

/// <summary>Appointment ids begin with the tenant-local day they start on (<c>yyyyMMdd-…</c>): the day names the partition.</summary>
public static class AppointmentIds
{
    public static bool TryDayOf(string? appointmentId, out DateOnly day)
    {
        day = default;
        return appointmentId is { Length: > 8 }
            && DateOnly.TryParseExact(appointmentId.AsSpan(0, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    public static DateOnly DayOf(string appointmentId) =>
        TryDayOf(appointmentId, out var day) ? day : throw new FormatException($"'{appointmentId}' is not an appointment id.");
}
