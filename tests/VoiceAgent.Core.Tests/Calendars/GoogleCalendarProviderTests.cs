using System.Text.Json.Nodes;
using VoiceAgent.Core.Calendars;

using VoiceAgent.Core.Scheduling;

namespace VoiceAgent.Core.Tests.Calendars;

/// <summary>The Google provider's wire contract, through the real registration and handlers, against the local fake API.</summary>
public sealed class GoogleCalendarProviderTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task GetBusyAsync_FreeBusyAnswer_ReturnsSortedUtcIntervals()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        google.ExternalBusy.Add((DateTimeOffset.Parse("2026-12-02T13:00:00-06:00"), DateTimeOffset.Parse("2026-12-02T14:00:00-06:00")));
        google.ExternalBusy.Add((DateTimeOffset.Parse("2026-12-02T09:00:00-06:00"), DateTimeOffset.Parse("2026-12-02T10:30:00-06:00")));
        google.ExternalBusy.Add((DateTimeOffset.Parse("2026-12-05T09:00:00-06:00"), DateTimeOffset.Parse("2026-12-05T10:00:00-06:00")));
        await using var calendar = GoogleCalendarHarness.Create(google);

        var busy = await calendar.Provider.GetBusyAsync(CalendarTestData.Tenant,
            new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 3, 6, 0, 0, TimeSpan.Zero), None);

        Assert.Equal(
            [
                new BusyInterval(new(2026, 12, 2, 15, 0, 0, TimeSpan.Zero), new(2026, 12, 2, 16, 30, 0, TimeSpan.Zero)),
                new BusyInterval(new(2026, 12, 2, 19, 0, 0, TimeSpan.Zero), new(2026, 12, 2, 20, 0, 0, TimeSpan.Zero)),
            ],
            busy);
        Assert.All(busy, b => Assert.Equal(TimeSpan.Zero, b.Start.Offset));
        var request = Assert.Single(google.ApiRequests);
        Assert.Equal("/calendar/v3/freeBusy", request.Path);
        Assert.StartsWith("Bearer ya29.", request.Authorization, StringComparison.Ordinal);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("2026-12-02T06:00:00Z", (string?)body["timeMin"]);
        Assert.Equal("2026-12-03T06:00:00Z", (string?)body["timeMax"]);
        Assert.Equal(GoogleCalendarHarness.CalendarId, (string?)body["items"]![0]!["id"]);
    }

    [Fact]
    public async Task GetBusyAsync_CalendarNotFound_ThrowsWithReason()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        google.MissingCalendars.Add(GoogleCalendarHarness.CalendarId);
        await using var calendar = GoogleCalendarHarness.Create(google);

        var ex = await Assert.ThrowsAsync<CalendarUnavailableException>(() =>
            calendar.Provider.GetBusyAsync(CalendarTestData.Tenant, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1), None));

        Assert.Equal("notFound", ex.Reason);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task CreateEventAsync_NewAppointment_InsertsOneEventInTheTenantsTimeZone()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google);

        var eventId = await calendar.Provider.CreateEventAsync(CalendarTestData.OilChange(), CalendarTestData.Tenant, None);

        var stored = Assert.Single(google.Events).Value;
        Assert.Equal(eventId, (string?)stored["id"]);
        Assert.Matches("^[a-v0-9]{5,1024}$", eventId);
        Assert.Equal("Oil change — John Smith", (string?)stored["summary"]);
        Assert.Contains("2018 Honda Civic", (string?)stored["description"], StringComparison.Ordinal);
        Assert.Equal("1200 North Ave, Springfield", (string?)stored["location"]);
        Assert.Equal("2026-12-02T09:00:00-06:00", (string?)stored["start"]!["dateTime"]);
        Assert.Equal("America/Chicago", (string?)stored["start"]!["timeZone"]);
        Assert.Equal("2026-12-02T09:30:00-06:00", (string?)stored["end"]!["dateTime"]);
        Assert.Equal("appt-0001", (string?)stored["extendedProperties"]!["private"]!["appointmentId"]);
        var insert = Assert.Single(google.ApiRequests);
        Assert.Equal(("POST", $"/calendar/v3/calendars/{GoogleCalendarHarness.CalendarId}/events"), (insert.Method, insert.Path));
        Assert.Contains("sendUpdates=none", insert.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateEventAsync_SameAppointmentTwice_StillExactlyOneEvent()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google);

        var first = await calendar.Provider.CreateEventAsync(CalendarTestData.OilChange(), CalendarTestData.Tenant, None);
        var second = await calendar.Provider.CreateEventAsync(CalendarTestData.OilChange(), CalendarTestData.Tenant, None);
        var other = await calendar.Provider.CreateEventAsync(CalendarTestData.OilChange("appt-0002"), CalendarTestData.Tenant, None);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.Equal(2, google.LiveEvents.Count());
    }

    [Fact]
    public async Task CreateEventAsync_FirstInsertStoredButAnswerTimesOut_RetryYieldsExactlyOneEvent()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google, s => s["GoogleCalendar:RequestTimeoutSeconds"] = "1");
        google.HangNext(afterApplying: true);

        var eventId = await calendar.Provider.CreateEventAsync(CalendarTestData.OilChange(), CalendarTestData.Tenant, None);

        var stored = Assert.Single(google.Events).Value;
        Assert.Equal(eventId, (string?)stored["id"]);
        Assert.Equal("confirmed", (string?)stored["status"]);
        var inserts = google.ApiRequests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(2, inserts.Count);
        Assert.Equal(JsonNode.Parse(inserts[0].Body)!["id"]!.ToString(), JsonNode.Parse(inserts[1].Body)!["id"]!.ToString());
    }

    [Fact]
    public async Task CreateEventAsync_EventWasDeletedBefore_RevivesTheSameEvent()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google);
        var eventId = await calendar.Provider.CreateEventAsync(CalendarTestData.OilChange(), CalendarTestData.Tenant, None);
        await calendar.Provider.DeleteEventAsync(eventId, CalendarTestData.Tenant, None);

        await calendar.Provider.CreateEventAsync(CalendarTestData.OilChange(), CalendarTestData.Tenant, None);

        Assert.Equal(eventId, (string?)Assert.Single(google.LiveEvents)["id"]);
    }

    [Fact]
    public async Task MoveEventAsync_NewTimes_PatchesStartEndAndAppointmentId()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google);
        var eventId = await calendar.Provider.CreateEventAsync(CalendarTestData.OilChange(), CalendarTestData.Tenant, None);
        var moved = CalendarTestData.OilChange("appt-0002", new DateTimeOffset(2026, 12, 3, 20, 0, 0, TimeSpan.Zero)) with { Service = "tire rotation" };

        await calendar.Provider.MoveEventAsync(eventId, moved, CalendarTestData.Tenant, None);

        var stored = Assert.Single(google.Events).Value;
        Assert.Equal("2026-12-03T14:00:00-06:00", (string?)stored["start"]!["dateTime"]);
        Assert.Equal("2026-12-03T14:30:00-06:00", (string?)stored["end"]!["dateTime"]);
        Assert.Equal("Tire rotation — John Smith", (string?)stored["summary"]);
        Assert.Equal("appt-0002", (string?)stored["extendedProperties"]!["private"]!["appointmentId"]);
        var patch = google.ApiRequests[^1];
        Assert.Equal(("PATCH", $"/calendar/v3/calendars/{GoogleCalendarHarness.CalendarId}/events/{eventId}"), (patch.Method, patch.Path));
        Assert.Null(JsonNode.Parse(patch.Body)!["id"]);
    }

    [Fact]
    public async Task MoveEventAsync_UnknownEvent_ThrowsWithNotFound()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google);

        var ex = await Assert.ThrowsAsync<CalendarUnavailableException>(() =>
            calendar.Provider.MoveEventAsync("abcdefghij", CalendarTestData.OilChange(), CalendarTestData.Tenant, None));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal("notFound", ex.Reason);
        Assert.Single(google.ApiRequests);
    }

    [Fact]
    public async Task DeleteEventAsync_ExistingEvent_DeletesIt()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google);
        var eventId = await calendar.Provider.CreateEventAsync(CalendarTestData.OilChange(), CalendarTestData.Tenant, None);

        await calendar.Provider.DeleteEventAsync(eventId, CalendarTestData.Tenant, None);

        Assert.Empty(google.LiveEvents);
        Assert.Equal("DELETE", google.ApiRequests[^1].Method);
    }

    [Fact]
    public async Task DeleteEventAsync_AlreadyDeleted_Succeeds()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google);
        var eventId = await calendar.Provider.CreateEventAsync(CalendarTestData.OilChange(), CalendarTestData.Tenant, None);
        await calendar.Provider.DeleteEventAsync(eventId, CalendarTestData.Tenant, None);

        await calendar.Provider.DeleteEventAsync(eventId, CalendarTestData.Tenant, None);
        await calendar.Provider.DeleteEventAsync("neverexisted0", CalendarTestData.Tenant, None);

        Assert.Empty(google.LiveEvents);
        Assert.Equal(4, google.ApiRequests.Count);
    }
}
