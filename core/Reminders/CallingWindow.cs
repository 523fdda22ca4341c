using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Reminders;

/// <summary>
/// The tenant's reminder calling window (<see cref="ReminderPolicy.WindowStart"/>–<see cref="ReminderPolicy.WindowEnd"/>,
/// local, both ends allowed) as instants. Edges go through <see cref="Scheduling.TenantTime"/>, so a window on a DST day
/// keeps its wall-clock times (a start in the spring-forward gap opens when the clocks change).
/// </summary>
public static class CallingWindow
{
    /// <summary>Whether a call may be placed at <paramref name="instant"/>.</summary>
    public static bool IsOpen(TenantProfile tenant, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var day = tenant.Time.DayOf(instant);
        return instant >= Opens(tenant, day) && instant <= Closes(tenant, day);
    }

    /// <summary><paramref name="instant"/> itself when the window is open then, otherwise the next time it opens.</summary>
    public static DateTimeOffset NextOpening(TenantProfile tenant, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var day = tenant.Time.DayOf(instant);
        if (instant <= Closes(tenant, day))
        {
            var opens = Opens(tenant, day);
            return instant >= opens ? instant : opens;
        }

        return Opens(tenant, day.AddDays(1));
    }

    /// <summary>The end of the window most recently closed at or before <paramref name="instant"/> (today's or yesterday's).</summary>
    public static DateTimeOffset LastClose(TenantProfile tenant, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var day = tenant.Time.DayOf(instant);
        var today = Closes(tenant, day);
        return today <= instant ? today : Closes(tenant, day.AddDays(-1));
    }

    /// <summary>How long the window is open on an ordinary day.</summary>
    public static TimeSpan Length(ReminderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.WindowEnd - policy.WindowStart;
    }

    private static DateTimeOffset Opens(TenantProfile tenant, DateOnly day) => tenant.Time.WindowStart(day, tenant.Reminders.WindowStart);

    private static DateTimeOffset Closes(TenantProfile tenant, DateOnly day) => tenant.Time.WindowEnd(day, tenant.Reminders.WindowEnd);
}
