using System.Globalization;

namespace VoiceAgent.Core.Appointments;

/// <summary>
/// Row keys of the Schedule table. One partition per tenant and local day holds that day's appointments
/// (<c>appt|id</c>) and its slot-capacity cells (<c>cell|service|utc start</c>), so a booking and the capacity
/// it takes are written in one atomic entity-group transaction.
/// </summary>
internal static class ScheduleKeys
{
    public const string AppointmentPrefix = "appt|";
    public const string CellPrefix = "cell|";

    public static string Partition(string tenantId, DateOnly localDay) =>
        $"{tenantId}|{localDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public static string Appointment(string appointmentId) => AppointmentPrefix + appointmentId;

    public static string Cell(string service, DateTimeOffset cellStartUtc) =>
        $"{CellPrefix}{ServiceKey(service)}|{cellStartUtc.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture)}";

    public static string ServiceKey(string service) => service.Trim().ToLowerInvariant().Replace(' ', '-');

    /// <summary>The upper bound of a row-key prefix range (prefix + the character after '|').</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}
