using System.Text.Json.Nodes;
using VoiceAgent.Core.Calendars;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Tests.Calendars;

/// <summary>
/// A shop with its own Google calendar (<see cref="TenantProfile.GoogleCalendarId"/>): its events are written to, moved in,
/// deleted from and its busy times read from that calendar, through the real registration against the local stand-in;
/// another shop on the same deployment keeps the deployment's calendar.
/// </summary>
public sealed class GoogleCalendarTenantCalendarTests
{
    private const string OwnCalendar = "southside-shop@group.calendar.google.com";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TenantProfile OwnCalendarShop = CalendarTestData.Tenant with { GoogleCalendarId = OwnCalendar };

    [Fact]
    public async Task CreateEventAsync_TenantWithItsOwnCalendar_WritesTheEventToThatCalendar()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google);

        var eventId = await calendar.Provider.CreateEventAsync(CalendarTestData.OilChange(), OwnCalendarShop, None);

        Assert.Equal(eventId, (string?)Assert.Single(google.LiveEventsIn(OwnCalendar))["id"]);
        Assert.Empty(google.LiveEventsIn(GoogleCalendarHarness.CalendarId));
        var insert = Assert.Single(google.ApiRequests);
        Assert.Equal(("POST", $"/calendar/v3/calendars/{OwnCalendar}/events"), (insert.Method, insert.Path));
    }

    [Fact]
    public async Task CreateEventAsync_TwoShopsOneWithItsOwnCalendar_EachEventInItsShopsCalendar()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google);

        await calendar.Provider.CreateEventAsync(CalendarTestData.OilChange("appt-0001"), OwnCalendarShop, None);
        await calendar.Provider.CreateEventAsync(CalendarTestData.OilChange("appt-0002"), CalendarTestData.Tenant, None);

        Assert.Equal("appt-0001", AppointmentIdOf(Assert.Single(google.LiveEventsIn(OwnCalendar))));
        Assert.Equal("appt-0002", AppointmentIdOf(Assert.Single(google.LiveEventsIn(GoogleCalendarHarness.CalendarId))));
    }

    [Fact]
    public async Task GetBusyAsync_TenantWithItsOwnCalendar_AsksForThatCalendarAndSeesOnlyItsEvents()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google);
        var appointment = CalendarTestData.OilChange();
        await calendar.Provider.CreateEventAsync(appointment, CalendarTestData.Tenant, None); // in the deployment's calendar

        var ownBusy = await calendar.Provider.GetBusyAsync(OwnCalendarShop, appointment.Start.AddHours(-1), appointment.End.AddHours(1), None);
        var deploymentBusy = await calendar.Provider.GetBusyAsync(CalendarTestData.Tenant, appointment.Start.AddHours(-1), appointment.End.AddHours(1), None);

        Assert.Empty(ownBusy);
        Assert.Equal((appointment.Start, appointment.End), (Assert.Single(deploymentBusy).Start, deploymentBusy[0].End));
        var freeBusy = google.ApiRequests.Where(r => r.Path == "/calendar/v3/freeBusy").ToList();
        Assert.Equal([OwnCalendar, GoogleCalendarHarness.CalendarId], freeBusy.Select(r => (string?)JsonNode.Parse(r.Body)!["items"]![0]!["id"]));
    }

    [Fact]
    public async Task MoveAndDeleteEventAsync_TenantWithItsOwnCalendar_ChangeTheEventInThatCalendar()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google);
        var appointment = CalendarTestData.OilChange();
        var eventId = await calendar.Provider.CreateEventAsync(appointment, OwnCalendarShop, None);

        await calendar.Provider.MoveEventAsync(eventId, appointment with { Start = appointment.Start.AddHours(1), End = appointment.End.AddHours(1) }, OwnCalendarShop, None);
        Assert.Equal("2026-12-02T10:00:00-06:00", (string?)Assert.Single(google.LiveEventsIn(OwnCalendar))["start"]!["dateTime"]);
        await calendar.Provider.DeleteEventAsync(eventId, OwnCalendarShop, None);

        Assert.Empty(google.LiveEvents);
        Assert.Equal(
            [("PATCH", $"/calendar/v3/calendars/{OwnCalendar}/events/{eventId}"), ("DELETE", $"/calendar/v3/calendars/{OwnCalendar}/events/{eventId}")],
            google.ApiRequests.Skip(1).Select(r => (r.Method, r.Path)));
    }

    private static string? AppointmentIdOf(JsonObject googleEvent) => (string?)googleEvent["extendedProperties"]!["private"]!["appointmentId"];
}
