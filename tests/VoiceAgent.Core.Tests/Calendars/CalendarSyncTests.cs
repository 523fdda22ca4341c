using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Calendars;

namespace VoiceAgent.Core.Tests.Calendars;

/// <summary>
/// The workflow's calendar step: the real Google provider (through its registration) against the fake Google server, and
/// the appointment row in Azurite. Every call is idempotent, so the workflow can retry it after any failure.
/// </summary>
public sealed class CalendarSyncTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateOnly Day = new(2026, 12, 2);

    [Fact]
    public async Task CreateAsync_BookedAppointment_OneEventAndItsIdOnTheRow()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google);
        var (store, appointment) = await BookAsync();

        await Sync(calendar.Provider, store).CreateAsync(CalendarTestData.Tenant, appointment, None);

        var stored = Assert.Single(google.LiveEvents);
        Assert.Equal((string?)stored["id"], (await store.FindAsync(appointment.TenantId, Day, appointment.Id, None))!.CalendarEventId);
    }

    [Fact]
    public async Task CreateAsync_AgainWithTheRecordedId_WritesNothing()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google);
        var (store, appointment) = await BookAsync();
        var sync = Sync(calendar.Provider, store);
        await sync.CreateAsync(CalendarTestData.Tenant, appointment, None);

        await sync.CreateAsync(CalendarTestData.Tenant, (await store.FindAsync(appointment.TenantId, Day, appointment.Id, None))!, None);

        Assert.Single(google.ApiRequests, r => r.Method == "POST");
        Assert.Single(google.LiveEvents);
    }

    [Fact]
    public async Task CreateAsync_RetriedAfterTheAnswerWasLost_StillExactlyOneEvent()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google, s =>
        {
            s["GoogleCalendar:RequestTimeoutSeconds"] = "0.5";
            s["GoogleCalendar:TotalTimeoutSeconds"] = "0.5";
        });
        var (store, appointment) = await BookAsync();
        var sync = Sync(calendar.Provider, store);
        google.HangNext(afterApplying: true);

        // Google stored the event, but the answer never came: the step fails and the workflow retries it.
        await Assert.ThrowsAsync<CalendarUnavailableException>(() => sync.CreateAsync(CalendarTestData.Tenant, appointment, None));
        var unrecorded = (await store.FindAsync(appointment.TenantId, Day, appointment.Id, None))!;
        await sync.CreateAsync(CalendarTestData.Tenant, unrecorded, None);

        Assert.Null(unrecorded.CalendarEventId);
        var stored = Assert.Single(google.LiveEvents);
        Assert.Equal((string?)stored["id"], (await store.FindAsync(appointment.TenantId, Day, appointment.Id, None))!.CalendarEventId);
    }

    [Fact]
    public async Task CreateAsync_CalendarDown_ThrowsSoTheWorkflowRetries_AndRecordsNothing()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google);
        var (store, appointment) = await BookAsync();
        google.AlwaysFail = HttpStatusCode.ServiceUnavailable;

        var error = await Assert.ThrowsAsync<CalendarUnavailableException>(() => Sync(calendar.Provider, store).CreateAsync(CalendarTestData.Tenant, appointment, None));

        Assert.True(error.IsTransient);
        Assert.Null((await store.FindAsync(appointment.TenantId, Day, appointment.Id, None))!.CalendarEventId);
    }

    [Fact]
    public async Task CreateAsync_CancelledAppointment_CreatesNoEvent()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google);
        var (store, appointment) = await BookAsync();

        await Sync(calendar.Provider, store).CreateAsync(CalendarTestData.Tenant, appointment with { Status = AppointmentStatus.Cancelled }, None);

        Assert.Empty(google.ApiRequests);
    }

    [Fact]
    public async Task CreateAsync_CancelledWhileCreating_TheEventGoesAgain()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google);
        var (store, appointment) = await BookAsync();
        // The booking's step read the row while it was booked; the cancel lands before its create does.
        await store.CancelAsync(appointment, Day, [appointment.Start], appointment.Start.AddDays(-1), null, None);

        await Sync(calendar.Provider, store).CreateAsync(CalendarTestData.Tenant, appointment, None);

        Assert.Empty(google.LiveEvents);
    }

    [Fact]
    public async Task DeleteAsync_RecordedEvent_IsDeleted_AndAgainIsFine()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google);
        var (store, appointment) = await BookAsync();
        var sync = Sync(calendar.Provider, store);
        await sync.CreateAsync(CalendarTestData.Tenant, appointment, None);
        var withEvent = (await store.FindAsync(appointment.TenantId, Day, appointment.Id, None))!;

        await sync.DeleteAsync(CalendarTestData.Tenant, withEvent, None);
        await sync.DeleteAsync(CalendarTestData.Tenant, withEvent, None);

        Assert.Empty(google.LiveEvents);
    }

    [Fact]
    public async Task DeleteAsync_EventCreatedButItsIdNeverRecorded_IsDeletedByTheDerivedId()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google);
        var (store, appointment) = await BookAsync();
        await calendar.Provider.CreateEventAsync(appointment, CalendarTestData.Tenant, None); // the id was never recorded

        await Sync(calendar.Provider, store).DeleteAsync(CalendarTestData.Tenant, appointment, None);

        Assert.Empty(google.LiveEvents);
    }

    [Fact]
    public async Task DeleteAsync_NoEventEverCreated_CountsAsDeleted()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google);
        var (store, appointment) = await BookAsync();

        await Sync(calendar.Provider, store).DeleteAsync(CalendarTestData.Tenant, appointment, None);

        Assert.Single(google.ApiRequests, r => r.Method == "DELETE");
    }

    [Fact]
    public async Task BuiltInCalendar_CreateRecordsTheAppointmentId_DeleteOfAnUnrecordedOneDoesNothing()
    {
        var (store, appointment) = await BookAsync();
        var sync = Sync(new BuiltInCalendarProvider(), store);

        await sync.DeleteAsync(CalendarTestData.Tenant, appointment, None);
        await sync.CreateAsync(CalendarTestData.Tenant, appointment, None);

        Assert.Equal(appointment.Id, (await store.FindAsync(appointment.TenantId, Day, appointment.Id, None))!.CalendarEventId);
    }

    private async Task<(AppointmentStore Store, Appointment Appointment)> BookAsync()
    {
        var store = new AppointmentStore(await azurite.NewTablesAsync());
        var appointment = CalendarTestData.OilChange("20261202-sync");
        Assert.Equal(BookingOutcome.Booked, await store.TryBookAsync(appointment, Day, [appointment.Start], 2, None));
        return (store, (await store.FindAsync(appointment.TenantId, Day, appointment.Id, None))!);
    }

    private static CalendarSync Sync(ICalendarProvider provider, AppointmentStore store) => new(provider, store, NullLogger<CalendarSync>.Instance);
}
