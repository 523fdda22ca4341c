using Ical.Net;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Calendars;

namespace VoiceAgent.Core.Tests.Calendars;

public sealed class AppointmentIcsTests
{
    [Fact]
    public void Create_Appointment_RoundTripsThroughIcalNetWithChicagoLocalTimes()
    {
        var ics = AppointmentIcs.Create(CalendarTestData.OilChange(), CalendarTestData.Tenant);

        var parsed = Calendar.Load(ics)!;
        var e = Assert.Single(parsed.Events);
        Assert.Equal("appt-0001", e.Uid);
        Assert.Equal("Oil change at Northside Auto Care", e.Summary);
        Assert.Equal("1200 North Ave, Springfield", e.Location);
        Assert.Equal("America/Chicago", e.DtStart!.TzId);
        Assert.Equal((9, 0), (e.DtStart.Hour, e.DtStart.Minute));
        Assert.Equal((9, 30), (e.DtEnd!.Hour, e.DtEnd.Minute));
        Assert.Equal(new DateTime(2026, 12, 2, 15, 0, 0, DateTimeKind.Utc), e.DtStart.AsUtc);
        Assert.Equal(new DateTime(2026, 12, 2, 15, 30, 0, DateTimeKind.Utc), e.DtEnd.AsUtc);
        Assert.Single(parsed.TimeZones, tz => tz.TzId == "America/Chicago");
        Assert.Contains("DTSTART;TZID=America/Chicago:20261202T090000", ics, StringComparison.Ordinal);
        Assert.StartsWith("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
        Assert.Contains("VERSION:2.0", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTAMP:20261130T180000Z", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:STANDARD", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:DAYLIGHT", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SpringForwardDay_UsesDaylightOffset()
    {
        // Sunday 8 March 2026: Chicago jumps from CST (−6) to CDT (−5) at 02:00. 15:00Z is 10:00 local.
        var appointment = CalendarTestData.OilChange(start: new DateTimeOffset(2026, 3, 8, 15, 0, 0, TimeSpan.Zero));

        var e = Assert.Single(Calendar.Load(AppointmentIcs.Create(appointment, CalendarTestData.Tenant))!.Events);

        Assert.Equal((10, 0), (e.DtStart!.Hour, e.DtStart.Minute));
        Assert.Equal(new DateTime(2026, 3, 8, 15, 0, 0, DateTimeKind.Utc), e.DtStart.AsUtc);
    }

    [Fact]
    public void Create_FallBackDay_UsesStandardOffset()
    {
        // Sunday 1 November 2026: CDT (−5) falls back to CST (−6) at 02:00. 15:00Z is 09:00 local.
        var appointment = CalendarTestData.OilChange(start: new DateTimeOffset(2026, 11, 1, 15, 0, 0, TimeSpan.Zero));

        var e = Assert.Single(Calendar.Load(AppointmentIcs.Create(appointment, CalendarTestData.Tenant))!.Events);

        Assert.Equal((9, 0), (e.DtStart!.Hour, e.DtStart.Minute));
        Assert.Equal(new DateTime(2026, 11, 1, 15, 0, 0, DateTimeKind.Utc), e.DtStart.AsUtc);
    }

    [Fact]
    public void Create_CancelledAppointment_PublishesCancel()
    {
        var appointment = CalendarTestData.OilChange() with
        {
            Status = AppointmentStatus.Cancelled,
            CancelledAt = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero),
        };

        var parsed = Calendar.Load(AppointmentIcs.Create(appointment, CalendarTestData.Tenant))!;

        Assert.Equal("CANCEL", parsed.Method);
        Assert.Equal("CANCELLED", Assert.Single(parsed.Events).Status);
    }
}
