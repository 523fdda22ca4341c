using VoiceAgent.Core.Calendars;

namespace VoiceAgent.Core.Tests.Calendars;

public sealed class GoogleCalendarEventsTests
{
    [Fact]
    public void EventIdFor_SameAppointment_SameValidBase32HexId()
    {
        var first = GoogleCalendarEvents.EventIdFor(CalendarTestData.OilChange("appt-0001"));
        var again = GoogleCalendarEvents.EventIdFor(CalendarTestData.OilChange("appt-0001") with { Start = DateTimeOffset.UnixEpoch });

        Assert.Equal(first, again);
        Assert.Matches("^[a-v0-9]{52}$", first);
    }

    [Fact]
    public void EventIdFor_OtherAppointmentOrTenant_DifferentId()
    {
        var appointment = CalendarTestData.OilChange("appt-0001");

        Assert.NotEqual(GoogleCalendarEvents.EventIdFor(appointment), GoogleCalendarEvents.EventIdFor(appointment with { Id = "appt-0002" }));
        Assert.NotEqual(GoogleCalendarEvents.EventIdFor(appointment), GoogleCalendarEvents.EventIdFor(appointment with { TenantId = "other-shop" }));
    }

    [Fact]
    public void Summary_NoCustomerName_ServiceOnly()
    {
        Assert.Equal("Oil change", GoogleCalendarEvents.Summary(CalendarTestData.OilChange() with { CustomerName = "" }));
    }
}
