using static VoiceAgent.Core.Tests.Scheduling.SchedulingFixture;

namespace VoiceAgent.Core.Tests.Scheduling;

/// <summary>Turning what a caller says (a local date and time) into instants, and "today" in the shop's zone.</summary>
public sealed class AvailabilityCalculatorLocalTimeTests
{
    [Fact]
    public void LocalDate_At2330Local_IsStillTodayAlthoughUtcIsTomorrow()
    {
        Assert.Equal(new DateOnly(2026, 12, 1), Demo().LocalDate(new DateTimeOffset(2026, 12, 2, 5, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void LocalDate_NewYearsEveLate_IsDecember31()
    {
        Assert.Equal(new DateOnly(2026, 12, 31), Demo().LocalDate(Local(2026, 12, 31, 23, 45)));
    }

    [Fact]
    public void AtLocal_OrdinaryDay_HasTheSeasonsOffset()
    {
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.FromHours(-5)), Demo().AtLocal(new DateOnly(2026, 7, 1), new TimeOnly(9, 0)));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(-6)), Demo().AtLocal(new DateOnly(2026, 12, 1), new TimeOnly(9, 0)));
    }

    [Fact]
    public void AtLocal_InSpringForwardGap_IsNull()
    {
        Assert.Null(Demo().AtLocal(new DateOnly(2027, 3, 14), new TimeOnly(2, 30)));
    }

    [Fact]
    public void AtLocal_InRepeatedFallBackHour_IsTheFirstOccurrence()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 1, 30, 0, TimeSpan.FromHours(-5)), Demo().AtLocal(new DateOnly(2026, 11, 1), new TimeOnly(1, 30)));
    }

    [Fact]
    public void AtLocal_MondayAfterSpringForward_IsEightAmCdt()
    {
        var start = Demo().AtLocal(new DateOnly(2027, 3, 15), new TimeOnly(8, 0));

        Assert.Equal(new DateTime(2027, 3, 15, 13, 0, 0, DateTimeKind.Utc), start!.Value.UtcDateTime);
    }
}
