using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Calendars;
using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Tests.Calendars;
using VoiceAgent.Core.Tests.Support;
using VoiceAgent.Core.Workflows;

namespace VoiceAgent.Core.Tests.Scheduling;

/// <summary>Booking through the service against Azurite: idempotent retries, ownership, and the follow-up recorded before each write.</summary>
public sealed class SchedulingServiceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 15, 0, TimeSpan.FromHours(-6));
    private static readonly DateTimeOffset WednesdayTen = new(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(-6));
    private const string CallA = "CA" + "11111111111111111111111111111111";
    private const string CallB = "CA" + "22222222222222222222222222222222";
    private static readonly DateOnly Wednesday = new(2026, 12, 2);
    private SchedulingService _scheduling = null!;
    private AppointmentStore _store = null!;
    private FollowUpStore _followUps = null!;
    private Core.Storage.VoiceAgentTables _tables = null!;

    public async Task InitializeAsync()
    {
        _tables = await azurite.NewTablesAsync();
        _store = new AppointmentStore(_tables);
        _followUps = new FollowUpStore(_tables);
        _scheduling = Scheduling(new BuiltInCalendarProvider());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task BookAsync_SameCallBooksTheLastSlotTwice_SecondIsTheSameBookingNotTaken()
    {
        var brakes = DemoTenant.Profile.Services.Single(s => s.Name == "brake inspection");
        var john = DemoTenant.Customers[0];

        var first = await _scheduling.BookAsync(DemoTenant.Profile, john, brakes, WednesdayTen, null, "CA" + new string('1', 32), CancellationToken.None);
        var retry = await _scheduling.BookAsync(DemoTenant.Profile, john, brakes, WednesdayTen, null, "CA" + new string('1', 32), CancellationToken.None);

        Assert.NotNull(first.Appointment);
        Assert.Equal(first.Appointment.Id, retry.Appointment?.Id);
        Assert.Single(await _store.ListAsync(DemoTenant.Id, new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 2), null, CancellationToken.None));
    }

    [Fact]
    public async Task BookAsync_AnotherCallForTheFullSlot_IsRefusedWithAlternatives()
    {
        var brakes = DemoTenant.Profile.Services.Single(s => s.Name == "brake inspection");
        await _scheduling.BookAsync(DemoTenant.Profile, DemoTenant.Customers[0], brakes, WednesdayTen, null, "CA" + new string('1', 32), CancellationToken.None);

        var other = await _scheduling.BookAsync(DemoTenant.Profile, DemoTenant.Customers[1], brakes, WednesdayTen, null, "CA" + new string('2', 32), CancellationToken.None);

        Assert.Null(other.Appointment);
        Assert.Equal(SlotStatus.Full, other.Refusal!.Status);
        Assert.NotEmpty(other.Refusal.Alternatives);
    }

    [Fact]
    public async Task CancelAsync_SomeoneElsesAppointment_ChangesNothing()
    {
        var oil = DemoTenant.Profile.Services.Single(s => s.Name == "oil change");
        var marias = (await _scheduling.BookAsync(DemoTenant.Profile, DemoTenant.Customers[1], oil, WednesdayTen, null, "CA" + new string('3', 32), CancellationToken.None)).Appointment!;

        var cancelled = await _scheduling.CancelAsync(DemoTenant.Profile, DemoTenant.Customers[0].Id, marias.Id, null, CancellationToken.None);

        Assert.Null(cancelled);
        Assert.Equal(AppointmentStatus.Booked, (await _store.FindAsync(DemoTenant.Id, new DateOnly(2026, 12, 2), marias.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task BookAsync_Booked_RecordsOneBookedChangeForTheCall()
    {
        var booked = (await _scheduling.BookAsync(DemoTenant.Profile, DemoTenant.Customers[0], Service("oil change"), WednesdayTen, null, CallA, CancellationToken.None)).Appointment!;

        var change = Assert.Single(await _followUps.PendingForCallAsync(DemoTenant.Id, CallA, CancellationToken.None));
        Assert.Equal(new AppointmentChange(DemoTenant.Id, booked.Id, ChangeKind.Booked, null, CallA, Now), change);
    }

    [Fact]
    public async Task BookAsync_SlotFull_RecordsNoChange()
    {
        var brakes = Service("brake inspection");
        await _scheduling.BookAsync(DemoTenant.Profile, DemoTenant.Customers[0], brakes, WednesdayTen, null, CallA, CancellationToken.None);

        var refused = await _scheduling.BookAsync(DemoTenant.Profile, DemoTenant.Customers[1], brakes, WednesdayTen, null, CallB, CancellationToken.None);

        Assert.Null(refused.Appointment);
        Assert.Empty(await _followUps.PendingForCallAsync(DemoTenant.Id, CallB, CancellationToken.None));
    }

    [Fact]
    public async Task CancelAsync_OnACall_RecordsACancelledChangeForThatCall()
    {
        var booked = (await _scheduling.BookAsync(DemoTenant.Profile, DemoTenant.Customers[0], Service("oil change"), WednesdayTen, null, CallA, CancellationToken.None)).Appointment!;

        await _scheduling.CancelAsync(DemoTenant.Profile, DemoTenant.Customers[0].Id, booked.Id, rescheduledTo: null, CallB, CancellationToken.None);

        var change = Assert.Single(await _followUps.PendingForCallAsync(DemoTenant.Id, CallB, CancellationToken.None));
        Assert.Equal(new AppointmentChange(DemoTenant.Id, booked.Id, ChangeKind.Cancelled, null, CallB, Now), change);
    }

    [Fact]
    public async Task RescheduleAsync_SameDay_OneRescheduledChangeWithAFreshReminder()
    {
        var old = (await _scheduling.BookAsync(DemoTenant.Profile, DemoTenant.Customers[0], Service("oil change"), WednesdayTen, null, CallA, CancellationToken.None)).Appointment!;
        await _store.TryClaimNoticeAsync(old, NoticeKeys.SmsBooked, Now, CancellationToken.None);
        await _store.SetReminderAsync(old, ReminderStatus.None with { Outcome = ReminderOutcome.Retrying, Attempts = 1 }, CancellationToken.None);

        var moved = (await _scheduling.RescheduleAsync(DemoTenant.Profile, DemoTenant.Customers[0], old.Id, WednesdayTen.AddHours(3), CallB, CancellationToken.None)).Appointment!;

        var change = Assert.Single(await _followUps.PendingForCallAsync(DemoTenant.Id, CallB, CancellationToken.None));
        Assert.Equal(new AppointmentChange(DemoTenant.Id, moved.Id, ChangeKind.Rescheduled, old.Id, CallB, Now), change);
        var readBack = (await _store.FindAsync(DemoTenant.Id, Wednesday, moved.Id, CancellationToken.None))!;
        Assert.Equal(ReminderStatus.None, readBack.Reminder);
        Assert.Empty(readBack.Notices);
    }

    [Fact]
    public async Task RescheduleAsync_AnotherDay_OneRescheduledChangeOnly_AndTheOldTimeIsFreed()
    {
        var old = (await _scheduling.BookAsync(DemoTenant.Profile, DemoTenant.Customers[0], Service("oil change"), WednesdayTen, null, CallA, CancellationToken.None)).Appointment!;

        var moved = (await _scheduling.RescheduleAsync(DemoTenant.Profile, DemoTenant.Customers[0], old.Id, WednesdayTen.AddDays(1), CallB, CancellationToken.None)).Appointment!;

        var change = Assert.Single(await _followUps.PendingForCallAsync(DemoTenant.Id, CallB, CancellationToken.None));
        Assert.Equal(new AppointmentChange(DemoTenant.Id, moved.Id, ChangeKind.Rescheduled, old.Id, CallB, Now), change);
        Assert.Equal(AppointmentStatus.Cancelled, (await _store.FindAsync(DemoTenant.Id, Wednesday, old.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task BookAsync_WithGoogleCalendar_ReadsItsBusyTimesButWritesNoEvent()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        await using var calendar = GoogleCalendarHarness.Create(google);
        var scheduling = Scheduling(calendar.Provider);

        var booked = (await scheduling.BookAsync(DemoTenant.Profile, DemoTenant.Customers[0], Service("oil change"), WednesdayTen, null, CallA, CancellationToken.None)).Appointment!;
        await scheduling.RescheduleAsync(DemoTenant.Profile, DemoTenant.Customers[0], booked.Id, WednesdayTen.AddHours(2), CallA, CancellationToken.None);

        Assert.NotEmpty(google.ApiRequests);
        Assert.All(google.ApiRequests, r => Assert.Equal("/calendar/v3/freeBusy", r.Path));
        Assert.Empty(google.Events);
    }

    [Fact]
    public async Task ConfirmReminderAsync_OwnBookedAppointment_ConfirmedOnTheRow_OthersRefused()
    {
        var marias = (await _scheduling.BookAsync(DemoTenant.Profile, DemoTenant.Customers[1], Service("oil change"), WednesdayTen, null, CallA, CancellationToken.None)).Appointment!;

        var byJohn = await _scheduling.ConfirmReminderAsync(DemoTenant.Profile, DemoTenant.Customers[0].Id, marias.Id, CancellationToken.None);
        var byMaria = await _scheduling.ConfirmReminderAsync(DemoTenant.Profile, DemoTenant.Customers[1].Id, marias.Id, CancellationToken.None);

        Assert.Null(byJohn);
        Assert.Equal(ReminderOutcome.Confirmed, byMaria?.Reminder.Outcome);
        Assert.Equal(ReminderOutcome.Confirmed, (await _store.FindAsync(DemoTenant.Id, Wednesday, marias.Id, CancellationToken.None))!.Reminder.Outcome);
    }

    private SchedulingService Scheduling(ICalendarProvider calendar) =>
        new(_store, calendar, _followUps, TestTelemetry.Create(), new FakeTimeProvider(Now), NullLogger<SchedulingService>.Instance);

    private static ServiceOffering Service(string name) => DemoTenant.Profile.Services.Single(s => s.Name == name);
}
