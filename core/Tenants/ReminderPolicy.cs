using VoiceAgent.Core.Scheduling;

namespace VoiceAgent.Core.Tenants;

/// <summary>
/// When the reminder call for an appointment is due: <see cref="Before"/> the start, moved earlier into the
/// calling window (<see cref="WindowStart"/>–<see cref="WindowEnd"/>, the customer's local time, both inclusive)
/// when it would fall outside it. An unanswered call is tried again <see cref="RetryAfter"/> later, up to
/// <see cref="MaxAttempts"/> calls in all.
/// </summary>
public sealed record ReminderPolicy(TimeSpan Before, TimeOnly WindowStart, TimeOnly WindowEnd)
{
    /// <summary>How many calls at most (the first and its retries) before the reminder goes out as a text.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>How long after an unanswered (or busy) call the next try is due, moved into the calling window.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromHours(2);

    /// <summary>24 h before, called between 09:00 and 19:00, three tries 2 h apart.</summary>
    public static ReminderPolicy Default { get; } = new(TimeSpan.FromHours(24), new TimeOnly(9, 0), new TimeOnly(19, 0));

    /// <summary>
    /// <see cref="Before"/> real hours before <paramref name="appointmentStart"/>, or, outside the calling window, the
    /// window's end (<see cref="TenantTime.WindowEnd"/>) that evening or the evening before; with the tenant's offset.
    /// </summary>
    public DateTimeOffset DueAt(DateTimeOffset appointmentStart, TenantTime time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var target = time.Local(appointmentStart - Before);
        var local = TimeOnly.FromDateTime(target.DateTime);
        if (local >= WindowStart && local <= WindowEnd)
        {
            return target;
        }

        // Too late in the evening: the end of that day's window; too early in the morning: the previous evening's.
        var day = DateOnly.FromDateTime(target.DateTime);
        return time.WindowEnd(local > WindowEnd ? day : day.AddDays(-1), WindowEnd);
    }
}
