using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Calendars;

/// <summary>An appointment as an iCalendar file (RFC 5545) for confirmations: one VEVENT in the shop's time zone.</summary>
public static class AppointmentIcs
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>
    /// A VCALENDAR with a VTIMEZONE for the tenant's zone and one VEVENT: UID = appointment id, DTSTART/DTEND as local
    /// wall times with TZID, SUMMARY ("Oil change at Northside Auto Care"), LOCATION = the shop's address.
    /// A cancelled appointment is published as METHOD:CANCEL / STATUS:CANCELLED so calendar apps remove it.
    /// </summary>
    public static string Create(Appointment appointment, TenantProfile tenant)
    {
        var cancelled = appointment.Status == AppointmentStatus.Cancelled;
        var calendar = new Calendar
        {
            ProductId = "-//VoiceAgent//Appointments//EN",
            Method = cancelled ? "CANCEL" : "PUBLISH",
        };
        // VTIMEZONE rules from the appointment on, so the file does not depend on when it was made.
        calendar.AddTimeZone(tenant.TimeZoneId, Local(appointment.Start, tenant).Value, false);

        var stamp = appointment.CancelledAt ?? (appointment.CreatedAt == default ? appointment.Start : appointment.CreatedAt);
        calendar.Events.Add(new CalendarEvent
        {
            Uid = appointment.Id,
            DtStamp = new CalDateTime(stamp.UtcDateTime, CalDateTime.UtcTzId, true),
            DtStart = Local(appointment.Start, tenant),
            DtEnd = Local(appointment.End, tenant),
            Summary = $"{GoogleCalendarEvents.ServiceLabel(appointment)} at {tenant.Name}",
            Location = string.IsNullOrWhiteSpace(tenant.Address) ? null : tenant.Address,
            Description = $"{tenant.Name}, {tenant.PhoneNumber}. Call us to change or cancel.",
            Status = cancelled ? "CANCELLED" : "CONFIRMED",
            Sequence = cancelled ? 1 : 0,
        });

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    private static CalDateTime Local(DateTimeOffset instant, TenantProfile tenant)
    {
        var local = tenant.Time.Local(instant);
        return new CalDateTime(DateTime.SpecifyKind(local.DateTime, DateTimeKind.Unspecified), tenant.TimeZoneId, true);
    }
}
