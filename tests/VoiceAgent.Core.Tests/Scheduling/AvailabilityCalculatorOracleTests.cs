using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Tenants;
using static VoiceAgent.Core.Tests.Scheduling.SchedulingFixture;

namespace VoiceAgent.Core.Tests.Scheduling;

/// <summary>
/// The sweep-based engine against a slow, obviously-correct oracle that checks every half hour of the horizon
/// five minutes at a time (the random book is on five-minute marks), on seeded random books that cross the fall-back weekend and the year end.
/// </summary>
public sealed class AvailabilityCalculatorOracleTests
{
    [Theory]
    [InlineData(1, "oil change", 2026, 10, 20)]
    [InlineData(2, "brake inspection", 2026, 10, 20)]
    [InlineData(3, "state inspection", 2026, 12, 10)]
    [InlineData(4, "oil change", 2027, 2, 20)]
    public void FreeSlots_RandomBook_MatchesBruteForceOracle(int seed, string serviceName, int year, int month, int day)
    {
        var random = new Random(seed);
        var now = Local(year, month, day, 9, 10);
        var service = DemoTenant.Profile.Services.Single(s => s.Name == serviceName);
        var appointments = Enumerable.Range(0, 1500).Select(_ => RandomAppointment(random, now)).ToArray();
        var busy = Enumerable.Range(0, 15).Select(_ => RandomBusy(random, now)).ToArray();
        var query = new AvailabilityQuery(service, now) { Appointments = appointments, BusyIntervals = busy };

        var slots = Demo().FreeSlots(query, now.AddDays(-1), now.AddDays(61));

        var expected = Oracle(query);
        var hoursOnly = Demo().FreeSlots(query with { Appointments = [], BusyIntervals = [] }, now.AddDays(-1), now.AddDays(61));
        Assert.True(expected.Count < hoursOnly.Count - 50, "the random book should take a fair number of slots");
        Assert.Equal(expected, slots);
    }

    private static List<DateTimeOffset> Oracle(AvailabilityQuery query)
    {
        var profile = DemoTenant.Profile;
        var duration = TimeSpan.FromMinutes(query.Service.DurationMinutes);
        var free = new List<DateTimeOffset>();
        var sameService = query.Appointments.Where(a => a.ServiceName == query.Service.Name).ToArray();
        // Chicago offsets are whole hours, so local half hours are UTC half hours.
        var first = new DateTimeOffset(query.Now.UtcDateTime.Date, TimeSpan.Zero);
        for (var start = first; start <= query.Now.AddDays(61); start = start.AddMinutes(30))
        {
            var local = TimeZoneInfo.ConvertTime(start, Chicago);
            var end = TimeZoneInfo.ConvertTime(start + duration, Chicago);
            var date = DateOnly.FromDateTime(local.DateTime);
            var hours = profile.HoursOn(local.DayOfWeek);
            var ok = start >= query.Now.AddHours(1) && start <= query.Now.AddDays(60)
                && !profile.IsClosedOn(date) && hours is not null
                && TimeOnly.FromDateTime(local.DateTime) >= hours.Opens
                && DateOnly.FromDateTime(end.DateTime) == date && TimeOnly.FromDateTime(end.DateTime) <= hours.Closes
                && !query.BusyIntervals.Any(b => b.Start < start + duration && b.End > start);
            for (var minute = start; ok && minute < start + duration; minute = minute.AddMinutes(5))
            {
                var running = sameService.Count(a => a.Start <= minute && a.End > minute);
                ok = running < query.Service.Capacity;
            }

            if (ok)
            {
                free.Add(start);
            }
        }

        return free;
    }

    private static ExistingAppointment RandomAppointment(Random random, DateTimeOffset now)
    {
        var services = DemoTenant.Profile.Services;
        var service = services[random.Next(services.Count)];
        // Mostly within opening hours on the grid, some on five-minute marks to exercise partial overlaps.
        var day = now.Date.AddDays(random.Next(0, 62));
        var start = new DateTimeOffset(day.AddHours(13 + random.Next(0, 10)).AddMinutes(5 * random.Next(0, 12)), TimeSpan.Zero);
        return new ExistingAppointment(start, start.AddMinutes(service.DurationMinutes), service.Name);
    }

    private static BusyInterval RandomBusy(Random random, DateTimeOffset now)
    {
        var start = new DateTimeOffset(now.Date.AddDays(random.Next(0, 62)).AddHours(13 + random.Next(0, 10)), TimeSpan.Zero);
        return new BusyInterval(start, start.AddMinutes(15 * random.Next(1, 9)));
    }
}
