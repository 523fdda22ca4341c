using VoiceAgent.Core.Calendars;

namespace VoiceAgent.Core.Tests.Calendars;

public sealed class BuiltInCalendarProviderTests
{
    private readonly BuiltInCalendarProvider _calendar = new();

    [Fact]
    public async Task GetBusyAsync_AnyRange_NothingBusyBeyondTheScheduleTable()
    {
        var busy = await _calendar.GetBusyAsync(CalendarTestData.Tenant, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100), CancellationToken.None);

        Assert.Empty(busy);
    }

    [Fact]
    public async Task CreateEventAsync_Appointment_EventIdIsTheAppointmentId()
    {
        var eventId = await _calendar.CreateEventAsync(CalendarTestData.OilChange("appt-42"), CalendarTestData.Tenant, CancellationToken.None);

        Assert.Equal("appt-42", eventId);
    }

    [Fact]
    public async Task GetBusyAsync_Cancelled_Throws()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _calendar.GetBusyAsync(CalendarTestData.Tenant, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1), new CancellationToken(canceled: true)));
    }
}
