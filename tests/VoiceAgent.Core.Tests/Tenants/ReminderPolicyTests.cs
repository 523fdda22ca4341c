using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Tests.Tenants;

public sealed class ReminderPolicyTests
{
    private static readonly TenantTime Chicago = TenantTime.For("America/Chicago");
    private static readonly TimeSpan Cst = TimeSpan.FromHours(-6);

    [Fact]
    public void DueAt_InsideTheWindow_Exactly24HoursBefore()
    {
        var due = DemoTenant.Profile.Reminders.DueAt(new DateTimeOffset(2026, 12, 2, 9, 0, 0, Cst), Chicago);

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, Cst), due);
    }

    [Fact]
    public void DueAt_WouldBeBeforeNine_MovesToThePreviousEvening()
    {
        var due = DemoTenant.Profile.Reminders.DueAt(new DateTimeOffset(2026, 12, 2, 8, 0, 0, Cst), Chicago);

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 19, 0, 0, Cst), due);
    }

    [Fact]
    public void DueAt_WouldBeAfterSeven_MovesToSevenThatEvening()
    {
        var policy = ReminderPolicy.Default with { Before = TimeSpan.FromHours(14) };

        var due = policy.DueAt(new DateTimeOffset(2026, 12, 2, 10, 0, 0, Cst), Chicago);

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 19, 0, 0, Cst), due);
    }

    [Fact]
    public void DueAt_AcrossSpringForward_IsTwentyFourRealHoursBefore()
    {
        // Monday 2027-03-15 09:00 CDT = 14:00Z; 24 h earlier is Sunday 14:00Z, after the 02:00 change: 09:00 CDT.
        var due = DemoTenant.Profile.Reminders.DueAt(new DateTimeOffset(2027, 3, 15, 9, 0, 0, TimeSpan.FromHours(-5)), Chicago);

        Assert.Equal(new DateTimeOffset(2027, 3, 14, 9, 0, 0, TimeSpan.FromHours(-5)), due);
        Assert.Equal(TimeSpan.FromHours(-5), due.Offset);
    }

    [Fact]
    public void DueAt_EightOnMondayAfterSpringForward_MovesToSaturdayEveningInStandardTime()
    {
        // Monday 08:00 CDT → Sunday 08:00 CDT, before the window → Saturday 19:00, still CST.
        var due = DemoTenant.Profile.Reminders.DueAt(new DateTimeOffset(2027, 3, 15, 8, 0, 0, TimeSpan.FromHours(-5)), Chicago);

        Assert.Equal(new DateTimeOffset(2027, 3, 13, 19, 0, 0, Cst), due);
        Assert.Equal(Cst, due.Offset);
    }

    [Fact]
    public void DueAt_WindowEndsInTheRepeatedHour_ItsLastOccurrence()
    {
        // Monday 2026-11-02 12:00 CST → Sunday 12:00 CST, after a window that ends at 01:30 → Sunday's second 01:30.
        var policy = ReminderPolicy.Default with { WindowStart = new TimeOnly(0, 0), WindowEnd = new TimeOnly(1, 30) };

        var due = policy.DueAt(new DateTimeOffset(2026, 11, 2, 12, 0, 0, Cst), Chicago);

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 1, 30, 0, Cst), due);
        Assert.Equal(Cst, due.Offset);
    }

    [Fact]
    public void DemoTenant_RemindersAsWritten_24HoursBetweenNineAndSeven()
    {
        Assert.Equal(new ReminderPolicy(TimeSpan.FromHours(24), new TimeOnly(9, 0), new TimeOnly(19, 0)), DemoTenant.Profile.Reminders);
    }

    [Fact]
    public void DemoTenant_Retries_ThreeCallsTwoHoursApart()
    {
        // ../shared/scenarios/README.md: "No answer or busy: two more tries, 2 hours apart, inside the window; then a text."
        Assert.Equal(3, DemoTenant.Profile.Reminders.MaxAttempts);
        Assert.Equal(TimeSpan.FromHours(2), DemoTenant.Profile.Reminders.RetryAfter);
    }
}
