using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Storage;
using VoiceAgent.Core.Tests.Support;
using Microsoft.Extensions.Options;

namespace VoiceAgent.Core.Tests.Appointments;

public sealed class AppointmentStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateOnly Day = new(2026, 12, 2);
    private static readonly DateTimeOffset NineCentral = new(2026, 12, 2, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TryBookAsync_FiftyConcurrentBookingsForCapacityOne_ExactlyOneSucceeds()
    {
        var options = azurite.NewOptions();
        await azurite.NewTablesAsync(options);

        // Each booker has its own clients, as separate instances would.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            new AppointmentStore(new VoiceAgentTables(Options.Create(options)))
                .TryBookAsync(NewAppointment($"a{i}", "brake inspection", 60), Day, Cells(NineCentral, 2), capacity: 1, CancellationToken.None)));

        Assert.Equal(1, outcomes.Count(o => o == BookingOutcome.Booked));
        Assert.Equal(49, outcomes.Count(o => o == BookingOutcome.SlotTaken));
        var store = new AppointmentStore(new VoiceAgentTables(Options.Create(options)));
        Assert.Single(await store.ListAsync("t1", Day, Day, null, CancellationToken.None));
    }

    [Fact]
    public async Task TryBookAsync_CapacityTwo_TakesTwoThenRefuses()
    {
        var store = new AppointmentStore(await azurite.NewTablesAsync());

        var outcomes = new List<BookingOutcome>();
        foreach (var id in new[] { "a1", "a2", "a3" })
        {
            outcomes.Add(await store.TryBookAsync(NewAppointment(id, "oil change", 30), Day, Cells(NineCentral, 1), 2, CancellationToken.None));
        }

        Assert.Equal([BookingOutcome.Booked, BookingOutcome.Booked, BookingOutcome.SlotTaken], outcomes);
    }

    [Fact]
    public async Task TryBookAsync_SameAppointmentTwice_SecondIsAlreadyBookedAndTakesNoCapacity()
    {
        var store = new AppointmentStore(await azurite.NewTablesAsync());

        var first = await store.TryBookAsync(NewAppointment("a1", "oil change", 30), Day, Cells(NineCentral, 1), 2, CancellationToken.None);
        var retry = await store.TryBookAsync(NewAppointment("a1", "oil change", 30), Day, Cells(NineCentral, 1), 2, CancellationToken.None);
        var other = await store.TryBookAsync(NewAppointment("a2", "oil change", 30), Day, Cells(NineCentral, 1), 2, CancellationToken.None);

        Assert.Equal(BookingOutcome.Booked, first);
        Assert.Equal(BookingOutcome.AlreadyBooked, retry);
        Assert.Equal(BookingOutcome.Booked, other);
    }

    [Fact]
    public async Task TryBookAsync_OverlappingSecondCellFull_Refuses()
    {
        var store = new AppointmentStore(await azurite.NewTablesAsync());
        await store.TryBookAsync(NewAppointment("a1", "brake inspection", 60, NineCentral.AddMinutes(30)), Day, Cells(NineCentral.AddMinutes(30), 2), 1, CancellationToken.None);

        var outcome = await store.TryBookAsync(NewAppointment("a2", "brake inspection", 60), Day, Cells(NineCentral, 2), 1, CancellationToken.None);

        Assert.Equal(BookingOutcome.SlotTaken, outcome);
    }

    [Fact]
    public async Task CancelAsync_FreesTheSlotForSomeoneElse()
    {
        var store = new AppointmentStore(await azurite.NewTablesAsync());
        var booked = NewAppointment("a1", "brake inspection", 60);
        await store.TryBookAsync(booked, Day, Cells(NineCentral, 2), 1, CancellationToken.None);

        var cancelled = await store.CancelAsync(booked, Day, Cells(NineCentral, 2), NineCentral, null, CancellationToken.None);
        var again = await store.CancelAsync(booked, Day, Cells(NineCentral, 2), NineCentral, null, CancellationToken.None);
        var rebooked = await store.TryBookAsync(NewAppointment("a2", "brake inspection", 60), Day, Cells(NineCentral, 2), 1, CancellationToken.None);

        Assert.True(cancelled);
        Assert.False(again);
        Assert.Equal(BookingOutcome.Booked, rebooked);
        Assert.Equal(AppointmentStatus.Cancelled, (await store.FindAsync("t1", Day, "a1", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task ListAsync_ForOneCustomer_ReturnsOnlyTheirAppointments()
    {
        var store = new AppointmentStore(await azurite.NewTablesAsync());
        await store.TryBookAsync(NewAppointment("a1", "oil change", 30) with { CustomerId = "john" }, Day, Cells(NineCentral, 1), 2, CancellationToken.None);
        await store.TryBookAsync(NewAppointment("a2", "oil change", 30) with { CustomerId = "maria" }, Day, Cells(NineCentral, 1), 2, CancellationToken.None);

        var johns = await store.ListAsync("t1", Day.AddDays(-1), Day.AddDays(1), "john", CancellationToken.None);

        Assert.Equal("a1", Assert.Single(johns).Id);
    }

    private static Appointment NewAppointment(string id, string service, int minutes, DateTimeOffset? start = null) => new()
    {
        Id = id,
        TenantId = "t1",
        CustomerId = "c1",
        CustomerPhone = "+15555550101",
        Service = service,
        Start = start ?? NineCentral,
        End = (start ?? NineCentral).AddMinutes(minutes),
        CreatedAt = NineCentral.AddDays(-1),
    };

    private static DateTimeOffset[] Cells(DateTimeOffset start, int count) =>
        [.. Enumerable.Range(0, count).Select(i => start.AddMinutes(30 * i))];
}
