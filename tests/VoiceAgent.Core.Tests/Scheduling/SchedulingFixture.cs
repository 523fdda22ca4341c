using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Tests.Scheduling;

/// <summary>The demo tenant, its services and Chicago wall-clock helpers shared by the scheduling tests.</summary>
internal static class SchedulingFixture
{
    public static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    public static ServiceOffering OilChange => Service("oil change");

    public static ServiceOffering TireRotation => Service("tire rotation");

    public static ServiceOffering BrakeInspection => Service("brake inspection");

    public static ServiceOffering StateInspection => Service("state inspection");

    public static AvailabilityCalculator Demo(BookingPolicy? policy = null) => new(DemoTenant.Profile, policy ?? BookingPolicy.Default);

    /// <summary>A Chicago wall-clock time that exists exactly once, with its offset.</summary>
    public static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0)
    {
        var wall = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        if (Chicago.IsInvalidTime(wall) || Chicago.IsAmbiguousTime(wall))
        {
            throw new ArgumentException($"{wall:O} is not a single instant in Chicago.", nameof(hour));
        }

        return new DateTimeOffset(wall, Chicago.GetUtcOffset(wall));
    }

    public static AvailabilityQuery Query(ServiceOffering service, DateTimeOffset now, params ExistingAppointment[] appointments) =>
        new(service, now) { Appointments = appointments };

    public static ExistingAppointment Booked(ServiceOffering service, DateTimeOffset start) =>
        new(start, start.AddMinutes(service.DurationMinutes), service.Name);

    /// <summary>Local "HH:mm" of each slot, for readable assertions.</summary>
    public static string[] Times(IEnumerable<DateTimeOffset> slots) =>
        [.. slots.Select(s => TimeZoneInfo.ConvertTime(s, Chicago).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>A tenant open round the clock every day, to exercise DST transitions that fall inside opening hours.</summary>
    public static TenantProfile RoundTheClock(TimeOnly opens, TimeOnly closes) => DemoTenant.Profile with
    {
        Id = "round-the-clock",
        WeeklyHours = [.. Enum.GetValues<DayOfWeek>().Select(d => new OpeningHours(d, opens, closes))],
        ClosedDates = [],
    };

    private static ServiceOffering Service(string name) => DemoTenant.Profile.Services.Single(s => s.Name == name);
}
