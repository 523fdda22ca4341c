namespace VoiceAgent.Core.Tenants;

/// <summary>
/// When the reminder call for an appointment is due: <see cref="Before"/> the start, moved earlier into the
/// calling window (<see cref="WindowStart"/>–<see cref="WindowEnd"/>, the customer's local time, both inclusive)
/// when it would fall outside it.
/// </summary>
public sealed record ReminderPolicy(TimeSpan Before, TimeOnly WindowStart, TimeOnly WindowEnd)
{
    /// <summary>24 h before, called between 09:00 and 19:00.</summary>
    public static ReminderPolicy Default { get; } = new(TimeSpan.FromHours(24), new TimeOnly(9, 0), new TimeOnly(19, 0));

    public DateTimeOffset DueAt(DateTimeOffset appointmentStart, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var target = TimeZoneInfo.ConvertTime(appointmentStart - Before, zone);
        var local = TimeOnly.FromDateTime(target.DateTime);
        if (local >= WindowStart && local <= WindowEnd)
        {
            return target;
        }

        // Too late in the evening: the end of that day's window; too early in the morning: the previous evening's.
        var day = DateOnly.FromDateTime(target.DateTime);
        var windowDay = local > WindowEnd ? day : day.AddDays(-1);
        var wall = windowDay.ToDateTime(WindowEnd);
        while (zone.IsInvalidTime(wall))
        {
            wall = wall.AddMinutes(-30);
        }

        var offset = zone.IsAmbiguousTime(wall) ? zone.GetAmbiguousTimeOffsets(wall).Min() : zone.GetUtcOffset(wall);
        return new DateTimeOffset(wall, offset);
    }
}
