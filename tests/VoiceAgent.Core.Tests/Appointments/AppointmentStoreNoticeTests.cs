using Microsoft.Extensions.Options;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Storage;

namespace VoiceAgent.Core.Tests.Appointments;

/// <summary>Notice claims and the reminder state on the appointment row, against Azurite.</summary>
public sealed class AppointmentStoreNoticeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateOnly Day = new(2026, 12, 2);
    private static readonly DateTimeOffset NineCentral = new(2026, 12, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ClaimTime = new(2026, 12, 1, 15, 20, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    public async Task TryClaimNoticeAsync_ConcurrentClaimsForOneKey_ExactlyOneGetsNull(int claimers)
    {
        var options = azurite.NewOptions();
        var appointment = await BookAsync(new AppointmentStore(await azurite.NewTablesAsync(options)));

        // Each claimer has its own clients, as separate instances would.
        var results = await Task.WhenAll(Enumerable.Range(0, claimers).Select(i =>
            new AppointmentStore(new VoiceAgentTables(Options.Create(options)))
                .TryClaimNoticeAsync(appointment, NoticeKeys.SmsBooked, ClaimTime.AddSeconds(i), CancellationToken.None)));

        Assert.Single(results, r => r is null);
        var winner = Array.IndexOf(results, null);
        Assert.All(results.Where(r => r is not null), r =>
        {
            Assert.Equal(NoticeState.Claimed, r!.State);
            Assert.Equal(ClaimTime.AddSeconds(winner), r.ClaimedAt);
        });
    }

    [Fact]
    public async Task TryClaimNoticeAsync_DifferentKeys_EachIsClaimedOnce()
    {
        var store = new AppointmentStore(await azurite.NewTablesAsync());
        var appointment = await BookAsync(store);

        var results = await Task.WhenAll(
            store.TryClaimNoticeAsync(appointment, NoticeKeys.Call(1), ClaimTime, CancellationToken.None),
            store.TryClaimNoticeAsync(appointment, NoticeKeys.SmsBooked, ClaimTime, CancellationToken.None),
            store.TryClaimNoticeAsync(appointment, NoticeKeys.SmsReminder, ClaimTime, CancellationToken.None));

        Assert.All(results, Assert.Null);
        var read = await store.FindAsync("t1", Day, "a1", CancellationToken.None);
        Assert.Equal([NoticeKeys.Call(1), NoticeKeys.SmsBooked, NoticeKeys.SmsReminder], read!.Notices.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RecordNoticeAsync_Sent_LaterClaimsSeeTheSidAndTheClaimTime()
    {
        var store = new AppointmentStore(await azurite.NewTablesAsync());
        var appointment = await BookAsync(store);
        await store.TryClaimNoticeAsync(appointment, NoticeKeys.SmsBooked, ClaimTime, CancellationToken.None);

        await store.RecordNoticeAsync(appointment, NoticeKeys.SmsBooked, NoticeState.Sent, "SM123", null, CancellationToken.None);
        var again = await store.TryClaimNoticeAsync(appointment, NoticeKeys.SmsBooked, ClaimTime.AddHours(1), CancellationToken.None);

        Assert.Equal(new Notice(NoticeKeys.SmsBooked, NoticeState.Sent, ClaimTime, "SM123", null), again);
    }

    [Fact]
    public async Task RecordNoticeAsync_SkippedWithoutAClaim_IsStoredWithItsReason()
    {
        var store = new AppointmentStore(await azurite.NewTablesAsync());
        var appointment = await BookAsync(store);

        await store.RecordNoticeAsync(appointment, NoticeKeys.SmsCancelled, NoticeState.Skipped, null, "opted out", CancellationToken.None);

        var notice = (await store.FindAsync("t1", Day, "a1", CancellationToken.None))!.Notices[NoticeKeys.SmsCancelled];
        Assert.Equal((NoticeState.Skipped, (string?)null, (string?)"opted out"), (notice.State, notice.Sid, notice.Detail));
    }

    [Fact]
    public async Task TryClaimNoticeAsync_NoSuchAppointment_Throws()
    {
        var store = new AppointmentStore(await azurite.NewTablesAsync());

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.TryClaimNoticeAsync(NewAppointment("20261202-missing") with { Day = Day }, NoticeKeys.SmsBooked, ClaimTime, CancellationToken.None));
    }

    [Fact]
    public async Task CancelAsync_AfterNoticesAndReminder_KeepsThem()
    {
        var store = new AppointmentStore(await azurite.NewTablesAsync());
        var appointment = await BookAsync(store);
        await store.TryClaimNoticeAsync(appointment, NoticeKeys.Call(1), ClaimTime, CancellationToken.None);
        var reminder = new ReminderStatus(ReminderOutcome.Retrying, 1, ClaimTime.AddHours(2), "CA1", ClaimTime);
        await store.SetReminderAsync(appointment, reminder, CancellationToken.None);

        await store.CancelAsync(appointment, Day, [NineCentral], ClaimTime.AddHours(1), null, CancellationToken.None);

        var read = (await store.FindAsync("t1", Day, "a1", CancellationToken.None))!;
        Assert.Equal(AppointmentStatus.Cancelled, read.Status);
        Assert.Equal(reminder, read.Reminder);
        Assert.Equal(NoticeState.Claimed, read.Notices[NoticeKeys.Call(1)].State);
    }

    [Fact]
    public async Task SetReminderAsync_RetryingThenCalling_RoundTripsAndClearsTheRetryTime()
    {
        var store = new AppointmentStore(await azurite.NewTablesAsync());
        var appointment = await BookAsync(store);

        await store.SetReminderAsync(appointment, new ReminderStatus(ReminderOutcome.Retrying, 1, ClaimTime.AddHours(2), "CA1", ClaimTime), CancellationToken.None);
        var retrying = (await store.FindAsync("t1", Day, "a1", CancellationToken.None))!.Reminder;
        var calling = new ReminderStatus(ReminderOutcome.Calling, 2, null, null, ClaimTime.AddHours(2));
        await store.SetReminderAsync(appointment, calling, CancellationToken.None);

        Assert.Equal(new ReminderStatus(ReminderOutcome.Retrying, 1, ClaimTime.AddHours(2), "CA1", ClaimTime), retrying);
        Assert.Equal(calling, (await store.FindAsync("t1", Day, "a1", CancellationToken.None))!.Reminder);
    }

    [Fact]
    public async Task SetReminderAsync_ChangesNothingElseOnTheRow()
    {
        var store = new AppointmentStore(await azurite.NewTablesAsync());
        var appointment = await BookAsync(store, NewAppointment("a1") with { Vehicle = new Vehicle(2019, "Honda", "Civic"), CallSid = "CA9" });

        await store.SetReminderAsync(appointment, new ReminderStatus(ReminderOutcome.Confirmed, 1, null, "CA1", ClaimTime), CancellationToken.None);

        var read = (await store.FindAsync("t1", Day, "a1", CancellationToken.None))!;
        Assert.Equal(appointment with { Reminder = read.Reminder, Notices = read.Notices, Day = Day }, read);
        Assert.Equal(ReminderOutcome.Confirmed, read.Reminder.Outcome);
    }

    [Fact]
    public async Task FindAsync_NewRow_HasNoReminderNoNoticesAndItsDay()
    {
        var store = new AppointmentStore(await azurite.NewTablesAsync());
        await BookAsync(store, NewAppointment("20261202-abc"));

        var byDay = await store.FindAsync("t1", Day, "20261202-abc", CancellationToken.None);
        var byId = await store.FindAsync("t1", "20261202-abc", CancellationToken.None);
        var unnamed = await store.FindAsync("t1", "appt-1", CancellationToken.None);

        Assert.Equal(ReminderStatus.None, byDay!.Reminder);
        Assert.Empty(byDay.Notices);
        Assert.Equal(Day, byDay.Day);
        Assert.Equal("20261202-abc", byId?.Id);
        Assert.Null(unnamed);
    }

    private static async Task<Appointment> BookAsync(AppointmentStore store, Appointment? appointment = null)
    {
        appointment ??= NewAppointment("a1");
        Assert.Equal(BookingOutcome.Booked, await store.TryBookAsync(appointment, Day, [NineCentral], 2, CancellationToken.None));
        return appointment with { Day = Day };
    }

    private static Appointment NewAppointment(string id) => new()
    {
        Id = id,
        TenantId = "t1",
        CustomerId = "c1",
        CustomerPhone = "+15555550101",
        Service = "oil change",
        Start = NineCentral,
        End = NineCentral.AddMinutes(30),
        CreatedAt = NineCentral.AddDays(-1),
    };
}
