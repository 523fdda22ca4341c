using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Reminders;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Tests.Reminders;

/// <summary>The demo tenant's reminder policy (24 h before, 09:00–19:00 Chicago, three tries 2 h apart, then a text) as decisions.</summary>
public sealed class ReminderPlannerTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(-6);
    private static readonly TimeSpan Cdt = TimeSpan.FromHours(-5);
    private static readonly TenantProfile Shop = DemoTenant.Profile;
    private readonly ReminderPlanner _planner = new();

    [Fact]
    public void Next_SpringForwardMondayEight_DueSaturdayNineteenCst()
    {
        // Monday 2027-03-15 08:00 CDT; 24 h before is Sunday 08:00 CDT, before the window: Saturday 19:00 CST = 01:00Z.
        var appointment = Booked(new DateTimeOffset(2027, 3, 15, 8, 0, 0, Cdt));
        var due = new DateTimeOffset(2027, 3, 14, 1, 0, 0, TimeSpan.Zero);

        Assert.Equal(due, ReminderPlanner.DueAt(Shop, appointment));
        Assert.Equal(new DateTimeOffset(2027, 3, 13, 19, 0, 0, Cst), ReminderPlanner.DueAt(Shop, appointment));
        Assert.Equal(ReminderAction.Nothing, _planner.Next(Shop, appointment, due.AddMinutes(-5)).Action);
        Assert.Equal(new ReminderStep(ReminderAction.Call, 1), _planner.Next(Shop, appointment, due));
    }

    [Fact]
    public void Next_FallBackMondayEight_DueSaturdayNineteenCdt()
    {
        // Monday 2026-11-02 08:00 CST; 24 h before is Sunday 08:00 CST, before the window: Saturday 19:00 CDT = 00:00Z.
        var appointment = Booked(new DateTimeOffset(2026, 11, 2, 8, 0, 0, Cst));
        var due = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(due, ReminderPlanner.DueAt(Shop, appointment));
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 19, 0, 0, Cdt), ReminderPlanner.DueAt(Shop, appointment));
        Assert.Equal(ReminderAction.Nothing, _planner.Next(Shop, appointment, due.AddMinutes(-5)).Action);
        Assert.Equal(new ReminderStep(ReminderAction.Call, 1), _planner.Next(Shop, appointment, due));
    }

    [Theory]
    [InlineData("2027-03-14T01:00:00Z", "2027-03-15")]
    [InlineData("2026-11-01T00:00:00Z", "2026-11-02")]
    public void DaysThatCanBeDue_AtTheDstDueTimes_IncludeTheMondays(string now, string monday)
    {
        var (from, to) = ReminderPlanner.DaysThatCanBeDue(Shop, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.InRange(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), from, to);
    }

    [Fact]
    public void Next_BookedAfterItsReminderWasDue_MarkNotNeeded()
    {
        // Scenario 11: booked Tuesday 09:15 for Wednesday 09:00; the reminder was due Tuesday 09:00.
        var appointment = Booked(new DateTimeOffset(2026, 12, 2, 9, 0, 0, Cst)) with { CreatedAt = new DateTimeOffset(2026, 12, 1, 9, 15, 0, Cst) };

        Assert.Equal(ReminderAction.MarkNotNeeded, _planner.Next(Shop, appointment, new DateTimeOffset(2026, 12, 1, 9, 20, 0, Cst)).Action);
    }

    [Fact]
    public void Next_DueButTheCustomerWasErased_MarkNotNeededInsteadOfCalling()
    {
        var appointment = Booked(new DateTimeOffset(2026, 12, 3, 10, 0, 0, Cst)) with { CustomerPhone = string.Empty };

        Assert.Equal(ReminderAction.MarkNotNeeded, _planner.Next(Shop, appointment, new DateTimeOffset(2026, 12, 2, 10, 0, 0, Cst)).Action);
    }

    [Fact]
    public void Next_DueInsideTheWindow_CallsAtTheDueTime()
    {
        // Scenario 12: Thursday 10:00, due Wednesday 10:00.
        var appointment = Booked(new DateTimeOffset(2026, 12, 3, 10, 0, 0, Cst));

        Assert.Equal(ReminderAction.Nothing, _planner.Next(Shop, appointment, new DateTimeOffset(2026, 12, 2, 9, 55, 0, Cst)).Action);
        Assert.Equal(new ReminderStep(ReminderAction.Call, 1), _planner.Next(Shop, appointment, new DateTimeOffset(2026, 12, 2, 10, 0, 0, Cst)));
    }

    [Fact]
    public void Next_DueAtTheWindowsEnd_SweepAFewMinutesLate_StillCalls()
    {
        // Scenario 13: Friday 08:00, due Wednesday 19:00; a sweep that runs at 19:03 still calls.
        var appointment = Booked(new DateTimeOffset(2026, 12, 4, 8, 0, 0, Cst));

        Assert.Equal(new ReminderStep(ReminderAction.Call, 1), _planner.Next(Shop, appointment, new DateTimeOffset(2026, 12, 2, 19, 3, 0, Cst)));
    }

    [Fact]
    public void Next_DueButMissedTheWindow_WaitsForTheNextWindowBeforeTheAppointment()
    {
        var appointment = Booked(new DateTimeOffset(2026, 12, 4, 10, 0, 0, Cst)); // due Thursday 10:00

        Assert.Equal(ReminderAction.Nothing, _planner.Next(Shop, appointment, new DateTimeOffset(2026, 12, 3, 21, 0, 0, Cst)).Action);
        Assert.Equal(new ReminderStep(ReminderAction.Call, 1), _planner.Next(Shop, appointment, new DateTimeOffset(2026, 12, 4, 9, 0, 0, Cst)));
    }

    [Fact]
    public void Next_DueButNoWindowLeftBeforeTheAppointment_Text()
    {
        // Thursday 08:00 is due Wednesday 19:00; at 19:30 no window opens before 08:00 Thursday.
        var appointment = Booked(new DateTimeOffset(2026, 12, 3, 8, 0, 0, Cst));

        Assert.Equal(new ReminderStep(ReminderAction.Text, 0), _planner.Next(Shop, appointment, new DateTimeOffset(2026, 12, 2, 19, 30, 0, Cst)));
    }

    [Fact]
    public void UnansweredThreeTimes_RetriesTwoHoursApartThenText()
    {
        // Scenario 15: Thursday 14:00, due Wednesday 14:00; no answer at 14:00, 16:00 and 18:00, then a text.
        var appointment = Booked(new DateTimeOffset(2026, 12, 3, 14, 0, 0, Cst));
        var calls = new List<DateTimeOffset>();
        ReminderStatus? final = null;
        for (var now = new DateTimeOffset(2026, 12, 2, 13, 0, 0, Cst); now < appointment.Start && final is null; now = now.AddMinutes(5))
        {
            var step = _planner.Next(Shop, appointment, now);
            Assert.NotEqual(ReminderAction.Text, step.Action);
            if (step.Action != ReminderAction.Call)
            {
                continue;
            }

            calls.Add(now);
            var calling = appointment.Reminder with { Outcome = ReminderOutcome.Calling, Attempts = step.Attempt, UpdatedAt = now };
            var after = _planner.AfterUnanswered(Shop, appointment, calling, now);
            appointment = appointment with { Reminder = after };
            final = after.Outcome == ReminderOutcome.Unreached ? after : null;
        }

        Assert.Equal([14, 16, 18], calls.Select(c => Shop.Time.Local(c).Hour));
        Assert.Equal(new ReminderStatus(ReminderOutcome.Unreached, 3, null, null, new DateTimeOffset(2026, 12, 2, 18, 0, 0, Cst)), final);
    }

    [Fact]
    public void AfterUnanswered_RetryWouldFallAfterTheWindow_MovesToNextMorning()
    {
        var appointment = Booked(new DateTimeOffset(2026, 12, 4, 11, 0, 0, Cst));
        var calling = new ReminderStatus(ReminderOutcome.Calling, 1, null, "CA1", new DateTimeOffset(2026, 12, 3, 18, 30, 0, Cst));

        var after = _planner.AfterUnanswered(Shop, appointment, calling, new DateTimeOffset(2026, 12, 3, 18, 31, 0, Cst));

        Assert.Equal(ReminderOutcome.Retrying, after.Outcome);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 9, 0, 0, Cst), after.NextAttemptAt);
        Assert.Equal(1, after.Attempts);
    }

    [Fact]
    public void AfterUnanswered_NextTryNotBeforeTheAppointment_UnreachedSoItTexts()
    {
        var appointment = Booked(new DateTimeOffset(2026, 12, 3, 9, 0, 0, Cst));
        var calling = new ReminderStatus(ReminderOutcome.Calling, 1, null, "CA1", new DateTimeOffset(2026, 12, 2, 18, 0, 0, Cst));

        var after = _planner.AfterUnanswered(Shop, appointment, calling, new DateTimeOffset(2026, 12, 2, 18, 1, 0, Cst));

        Assert.Equal(ReminderOutcome.Unreached, after.Outcome);
        Assert.Null(after.NextAttemptAt);
    }

    [Fact]
    public void AfterUnanswered_TenantWithOneTry_UnreachedAfterTheFirst()
    {
        var tenant = Shop with { Reminders = Shop.Reminders with { MaxAttempts = 1 } };
        var appointment = Booked(new DateTimeOffset(2026, 12, 4, 11, 0, 0, Cst));
        var calling = new ReminderStatus(ReminderOutcome.Calling, 1, null, "CA1", new DateTimeOffset(2026, 12, 3, 11, 0, 0, Cst));

        Assert.Equal(ReminderOutcome.Unreached, _planner.AfterUnanswered(tenant, appointment, calling, new DateTimeOffset(2026, 12, 3, 11, 1, 0, Cst)).Outcome);
    }

    [Fact]
    public void Next_RetryingWithAttemptsUsedUp_Text()
    {
        var appointment = Booked(new DateTimeOffset(2026, 12, 4, 11, 0, 0, Cst)) with
        {
            Reminder = new ReminderStatus(ReminderOutcome.Retrying, 3, new DateTimeOffset(2026, 12, 3, 15, 0, 0, Cst), "CA3", null),
        };

        Assert.Equal(new ReminderStep(ReminderAction.Text, 3), _planner.Next(Shop, appointment, new DateTimeOffset(2026, 12, 3, 15, 0, 0, Cst)));
    }

    [Fact]
    public void Next_CallingWithNoNews_RerunsThatAttemptOnlyWhenStale()
    {
        var started = new DateTimeOffset(2026, 12, 3, 10, 0, 0, Cst);
        var appointment = Booked(new DateTimeOffset(2026, 12, 4, 11, 0, 0, Cst)) with
        {
            Reminder = new ReminderStatus(ReminderOutcome.Calling, 2, null, "CA2", started),
        };

        Assert.Equal(ReminderAction.Nothing, _planner.Next(Shop, appointment, started.AddMinutes(10)).Action);
        Assert.Equal(new ReminderStep(ReminderAction.Call, 2), _planner.Next(Shop, appointment, started + _planner.StaleCallAfter));
    }

    [Theory]
    [InlineData(ReminderOutcome.Confirmed)]
    [InlineData(ReminderOutcome.Cancelled)]
    [InlineData(ReminderOutcome.Rescheduled)]
    [InlineData(ReminderOutcome.Voicemail)]
    [InlineData(ReminderOutcome.Unreached)]
    [InlineData(ReminderOutcome.Texted)]
    [InlineData(ReminderOutcome.NotNeeded)]
    public void Next_FinalOutcome_Nothing(ReminderOutcome outcome)
    {
        var appointment = Booked(new DateTimeOffset(2026, 12, 3, 10, 0, 0, Cst)) with { Reminder = new ReminderStatus(outcome, 1, null, "CA1", null) };

        Assert.Equal(ReminderAction.Nothing, _planner.Next(Shop, appointment, new DateTimeOffset(2026, 12, 2, 12, 0, 0, Cst)).Action);
    }

    [Fact]
    public void Next_CancelledOrAlreadyBegun_Nothing()
    {
        var start = new DateTimeOffset(2026, 12, 3, 10, 0, 0, Cst);
        var cancelled = Booked(start) with { Status = AppointmentStatus.Cancelled };

        Assert.Equal(ReminderAction.Nothing, _planner.Next(Shop, cancelled, start.AddHours(-24)).Action);
        Assert.Equal(ReminderAction.Nothing, _planner.Next(Shop, Booked(start), start).Action);
    }

    [Fact]
    public void DaysThatCanBeDue_EveryReminderDueAtASweep_IsInTheDaysRead()
    {
        // Sweeps every 20 minutes over two weeks spanning the spring-forward change, against appointments every half
        // hour of opening time: every appointment that has something due lies in the days the sweep reads, and it reads few.
        var first = new DateTimeOffset(2027, 3, 8, 0, 0, 0, Cst);
        var appointments = Enumerable.Range(0, 20 * 24 * 2)
            .Select(i => first.AddMinutes(30 * i))
            .Where(Shop.IsOpenAt)
            .Select(start => Booked(start))
            .ToList();
        for (var now = first; now < first.AddDays(14); now = now.AddMinutes(20))
        {
            var (from, to) = ReminderPlanner.DaysThatCanBeDue(Shop, now);
            Assert.InRange(to.DayNumber - from.DayNumber, 1, 4);
            foreach (var appointment in appointments)
            {
                if (_planner.Next(Shop, appointment, now).Action != ReminderAction.Nothing)
                {
                    Assert.InRange(Shop.Time.DayOf(appointment.Start), from, to);
                }
            }
        }
    }

    private static Appointment Booked(DateTimeOffset start) => new()
    {
        Id = $"{DemoTenant.Profile.Time.DayOf(start):yyyyMMdd}-test",
        TenantId = DemoTenant.Id,
        CustomerId = "cust-maria-garcia",
        CustomerPhone = "+15555550102",
        Service = "tire rotation",
        Start = start.ToUniversalTime(),
        End = start.AddMinutes(30).ToUniversalTime(),
        CreatedAt = start.AddDays(-7),
    };
}
