using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Calendars;
using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Tests.Support;

namespace VoiceAgent.Core.Tests.Scheduling;

/// <summary>Booking through the service against Azurite: idempotent retries and ownership.</summary>
public sealed class SchedulingServiceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 15, 0, TimeSpan.FromHours(-6));
    private static readonly DateTimeOffset WednesdayTen = new(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(-6));
    private SchedulingService _scheduling = null!;
    private AppointmentStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = new AppointmentStore(await azurite.NewTablesAsync());
        _scheduling = new SchedulingService(_store, new BuiltInCalendarProvider(), TestTelemetry.Create(), new FakeTimeProvider(Now), NullLogger<SchedulingService>.Instance);
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
}
