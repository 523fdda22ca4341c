using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.SweepLoad;

/// <summary>
/// A book of <c>count</c> appointments for the demo tenant spread evenly over the open starts of <c>days</c> days from
/// <c>firstDay</c> (every service, capacity ignored: it is a load, imported as an existing book).
/// </summary>
public static class BookSeeder
{
    public static async Task SeedAsync(AppointmentStore store, TenantProfile tenant, DateOnly firstDay, int days, int count, CancellationToken cancellationToken)
    {
        var starts = Enumerable.Range(0, days)
            .Select(firstDay.AddDays)
            .Where(day => !tenant.IsClosedOn(day))
            .SelectMany(day => OpenStarts(tenant, day))
            .ToList();
        var bookings = Enumerable.Range(0, count).Select(i =>
        {
            var service = tenant.Services[i % tenant.Services.Count];
            var start = starts[i % starts.Count];
            var appointment = new Appointment
            {
                Id = $"{tenant.Time.DayOf(start):yyyyMMdd}-load{i:D7}",
                TenantId = tenant.Id,
                CustomerId = $"cust-load-{i % 5000:D4}",
                CustomerPhone = $"+1555{i % 10_000_000:D7}",
                Service = service.Name,
                Start = start.ToUniversalTime(),
                End = start.AddMinutes(service.DurationMinutes).ToUniversalTime(),
                Channel = "seed",
                CreatedAt = tenant.Time.StartOfDay(firstDay.AddDays(-30)),
            };
            return (appointment, tenant.Time.DayOf(start), SchedulingService.Cells(tenant, service, start));
        });
        await store.ImportAsync(bookings, cancellationToken);
    }

    private static IEnumerable<DateTimeOffset> OpenStarts(TenantProfile tenant, DateOnly day)
    {
        var hours = tenant.HoursOn(day.DayOfWeek)!;
        for (var time = hours.Opens; time < hours.Closes; time = time.AddMinutes(tenant.Booking.SlotGridMinutes))
        {
            yield return tenant.Time.At(day, time);
        }
    }
}
