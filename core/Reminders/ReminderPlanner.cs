using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Reminders;

/// <summary>
/// Decides reminders from the book and the app's clock alone (pure, no I/O): which local days the sweep must read, what
/// is due for one appointment now, and what follows an unanswered call. Due is <see cref="ReminderPolicy.DueAt"/>: the
/// policy's lead time before the start, moved earlier into the calling window in the tenant's zone.
/// </summary>
public sealed class ReminderPlanner
{
    /// <summary>The longest <see cref="SweepGrace"/> allowed (<see cref="DaysThatCanBeDue"/> reads a day more than needed, which covers it).</summary>
    public static readonly TimeSpan MaxSweepGrace = TimeSpan.FromHours(1);

    public ReminderPlanner()
        : this(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(5))
    {
    }

    public ReminderPlanner(TimeSpan staleCallAfter, TimeSpan sweepGrace)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(staleCallAfter, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(sweepGrace, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sweepGrace, MaxSweepGrace);
        StaleCallAfter = staleCallAfter;
        SweepGrace = sweepGrace;
    }

    /// <summary>A call still <see cref="ReminderOutcome.Calling"/> after this long without news is run again (its claim reconciles). 15 minutes by default.</summary>
    public TimeSpan StaleCallAfter { get; }

    /// <summary>
    /// How late after the calling window's end a due call may still be placed (5 minutes by default): the sweep runs every
    /// 5 minutes and a timer fires a little after its time, so a reminder due exactly at the window's end (19:00) is still
    /// called, not texted.
    /// </summary>
    public TimeSpan SweepGrace { get; }

    /// <summary>
    /// The local days whose appointments can have a reminder step due at <paramref name="now"/> (a first call or a retry):
    /// today up to the day of now + the lead time + the most the window can move it earlier, plus a day (DST, the grace).
    /// </summary>
    public static (DateOnly From, DateOnly To) DaysThatCanBeDue(TenantProfile tenant, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var policy = tenant.Reminders;
        var earlierByWindow = TimeSpan.FromDays(1) - CallingWindow.Length(policy);
        var farthest = now + policy.Before + earlierByWindow + TimeSpan.FromDays(1);
        return (tenant.Time.Today(now), tenant.Time.DayOf(farthest));
    }

    /// <summary>When the first reminder call for <paramref name="appointment"/> is due.</summary>
    public static DateTimeOffset DueAt(TenantProfile tenant, Appointment appointment)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(appointment);
        return tenant.Reminders.DueAt(appointment.Start, tenant.Time);
    }

    /// <summary>
    /// The next step for <paramref name="appointment"/> at <paramref name="now"/>. Not booked, already begun, or a final
    /// outcome: nothing. Not started: none needed when it was booked at or after its due time, else a first call once due.
    /// A call with no news for <see cref="StaleCallAfter"/>: that attempt again. Retrying: the next attempt once its time
    /// has come. A call is made only inside the calling window (or <see cref="SweepGrace"/> after it closed); outside it the
    /// step waits when a window opens before the appointment, and is a text when none does.
    /// </summary>
    public ReminderStep Next(TenantProfile tenant, Appointment appointment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(appointment);
        var reminder = appointment.Reminder;
        if (appointment.Status != AppointmentStatus.Booked || appointment.Start <= now)
        {
            return ReminderStep.Nothing(reminder.Attempts);
        }

        if (string.IsNullOrEmpty(appointment.CustomerPhone) && reminder.Outcome is ReminderOutcome.None or ReminderOutcome.Calling or ReminderOutcome.Retrying)
        {
            // Nobody to ring or text (the customer's data was erased): no reminder.
            return new ReminderStep(ReminderAction.MarkNotNeeded, reminder.Attempts);
        }

        switch (reminder.Outcome)
        {
            case ReminderOutcome.None:
                var due = DueAt(tenant, appointment);
                if (appointment.CreatedAt >= due)
                {
                    return new ReminderStep(ReminderAction.MarkNotNeeded, 0);
                }

                return now < due ? ReminderStep.Nothing(0) : CallWhenPossible(tenant, appointment, now, 1, 0);
            case ReminderOutcome.Calling:
                return reminder.UpdatedAt is { } updated && now - updated < StaleCallAfter
                    ? ReminderStep.Nothing(reminder.Attempts)
                    : CallWhenPossible(tenant, appointment, now, Math.Max(1, reminder.Attempts), reminder.Attempts);
            case ReminderOutcome.Retrying:
                if (reminder.NextAttemptAt is { } next && now < next)
                {
                    return ReminderStep.Nothing(reminder.Attempts);
                }

                return reminder.Attempts >= tenant.Reminders.MaxAttempts
                    ? new ReminderStep(ReminderAction.Text, reminder.Attempts)
                    : CallWhenPossible(tenant, appointment, now, reminder.Attempts + 1, reminder.Attempts);
            default:
                return ReminderStep.Nothing(reminder.Attempts);
        }
    }

    /// <summary>
    /// What follows call attempt <paramref name="current"/>.<see cref="ReminderStatus.Attempts"/> going unanswered (no
    /// answer, busy, failed) at <paramref name="now"/>:
    /// <list type="bullet">
    /// <item><see cref="ReminderOutcome.Retrying"/>: try again later. <see cref="ReminderStatus.NextAttemptAt"/> is
    /// <see cref="ReminderPolicy.RetryAfter"/> from now, moved to the next window opening if that is outside the window; the
    /// sweep makes the call when it comes.</item>
    /// <item><see cref="ReminderOutcome.Unreached"/>: text now. The attempts are used up
    /// (<see cref="ReminderPolicy.MaxAttempts"/>), or the next try would not come before the appointment; the caller sends
    /// the reminder text.</item>
    /// </list>
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Part of an injected service's API; callers hold the instance.")]
    public ReminderStatus AfterUnanswered(TenantProfile tenant, Appointment appointment, ReminderStatus current, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(current);
        var unreached = current with { Outcome = ReminderOutcome.Unreached, NextAttemptAt = null, UpdatedAt = now };
        if (current.Attempts >= tenant.Reminders.MaxAttempts)
        {
            return unreached;
        }

        var next = CallingWindow.NextOpening(tenant, now + tenant.Reminders.RetryAfter);
        return next < appointment.Start
            ? current with { Outcome = ReminderOutcome.Retrying, NextAttemptAt = next, UpdatedAt = now }
            : unreached;
    }

    private ReminderStep CallWhenPossible(TenantProfile tenant, Appointment appointment, DateTimeOffset now, int attempt, int attemptsMade)
    {
        if (CallingWindow.IsOpen(tenant, now) || now - CallingWindow.LastClose(tenant, now) <= SweepGrace)
        {
            return new ReminderStep(ReminderAction.Call, attempt);
        }

        return CallingWindow.NextOpening(tenant, now) < appointment.Start
            ? ReminderStep.Nothing(attemptsMade)
            : new ReminderStep(ReminderAction.Text, attemptsMade);
    }
}
