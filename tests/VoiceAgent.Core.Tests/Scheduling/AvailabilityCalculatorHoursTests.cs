using VoiceAgent.Core.Scheduling;
using static VoiceAgent.Core.Tests.Scheduling.SchedulingFixture;

namespace VoiceAgent.Core.Tests.Scheduling;

/// <summary>Opening hours, closures and end-by-closing for the demo tenant (Mon–Fri 08–17, Sat 09–13, Sun closed).</summary>
public sealed class AvailabilityCalculatorHoursTests
{
    private static readonly DateTimeOffset MondayMorning = Local(2026, 11, 30, 6, 0);

    [Fact]
    public void FreeSlotsOn_Weekday_OffersEveryHalfHourFromEightToFourThirty()
    {
        var slots = Demo().FreeSlotsOn(Query(OilChange, MondayMorning), new DateOnly(2026, 12, 1));

        string[] expected = [.. Enumerable.Range(0, 18).Select(i => new TimeOnly(8, 0).AddMinutes(30 * i).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))];
        Assert.Equal(expected, Times(slots));
    }

    [Fact]
    public void FreeSlotsOn_Weekday_CarriesTheTenantOffset()
    {
        var slots = Demo().FreeSlotsOn(Query(OilChange, MondayMorning), new DateOnly(2026, 12, 1));

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(-6)), slots[0]);
        Assert.Equal(TimeSpan.FromHours(-6), slots[0].Offset);
        Assert.Equal(new DateTime(2026, 12, 1, 14, 0, 0, DateTimeKind.Utc), slots[0].UtcDateTime);
    }

    [Fact]
    public void FreeSlotsOn_Saturday_OffersNineToTwelveThirtyOnly()
    {
        var slots = Demo().FreeSlotsOn(Query(OilChange, MondayMorning), new DateOnly(2026, 12, 5));

        Assert.Equal(["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30"], Times(slots));
    }

    [Fact]
    public void FreeSlotsOn_Sunday_IsEmpty()
    {
        var slots = Demo().FreeSlotsOn(Query(OilChange, MondayMorning), new DateOnly(2026, 12, 6));

        Assert.Empty(slots);
    }

    [Theory]
    [InlineData(2026, 12, 25)]
    [InlineData(2027, 1, 1)]
    public void FreeSlotsOn_HolidayClosure_IsEmpty(int year, int month, int day)
    {
        var slots = Demo().FreeSlotsOn(Query(OilChange, Local(2026, 12, 20, 9)), new DateOnly(year, month, day));

        Assert.Empty(slots);
    }

    [Fact]
    public void FreeSlotsOn_DayBeforeChristmas_IsOpenAsUsual()
    {
        var slots = Demo().FreeSlotsOn(Query(OilChange, Local(2026, 12, 20, 9)), new DateOnly(2026, 12, 24));

        Assert.Equal(18, slots.Count);
    }

    [Fact]
    public void FreeSlotsOn_SixtyMinuteService_LastStartIsFourPm()
    {
        var slots = Demo().FreeSlotsOn(Query(BrakeInspection, MondayMorning), new DateOnly(2026, 12, 1));

        Assert.Equal(17, slots.Count);
        Assert.Equal("16:00", Times(slots)[^1]);
    }

    [Fact]
    public void FreeSlotsOn_FortyFiveMinuteService_LastStartIsFourPm()
    {
        var slots = Demo().FreeSlotsOn(Query(StateInspection, MondayMorning), new DateOnly(2026, 12, 1));

        Assert.Equal("16:00", Times(slots)[^1]);
    }

    [Fact]
    public void FreeSlotsOn_SixtyMinuteServiceOnSaturday_LastStartIsNoon()
    {
        var slots = Demo().FreeSlotsOn(Query(BrakeInspection, MondayMorning), new DateOnly(2026, 12, 5));

        Assert.Equal("12:00", Times(slots)[^1]);
    }

    [Fact]
    public void FreeSlotsOn_EndByClosingOff_LetsSixtyMinuteServiceStartAtFourThirty()
    {
        var calculator = Demo(BookingPolicy.Default with { MustEndByClosing = false });

        var slots = calculator.FreeSlotsOn(Query(BrakeInspection, MondayMorning), new DateOnly(2026, 12, 1));

        Assert.Equal("16:30", Times(slots)[^1]);
    }

    [Fact]
    public void FreeSlots_WeekWindow_SkipsSundayAndKeepsOrder()
    {
        var slots = Demo().FreeSlots(Query(OilChange, MondayMorning), Local(2026, 12, 1, 0), Local(2026, 12, 8, 0));

        Assert.Equal((4 * 18) + 8 + 18, slots.Count); // Tue–Fri, Sat, no Sunday, Mon Dec 7
        Assert.Equal(slots.OrderBy(s => s.UtcTicks), slots);
        Assert.DoesNotContain(slots, s => TimeZoneInfo.ConvertTime(s, Chicago).DayOfWeek == DayOfWeek.Sunday);
    }

    [Fact]
    public void FreeSlots_WindowIsHalfOpen_ExcludesStartAtTo()
    {
        var slots = Demo().FreeSlots(Query(OilChange, MondayMorning), Local(2026, 12, 1, 9), Local(2026, 12, 1, 10));

        Assert.Equal(["09:00", "09:30"], Times(slots));
    }

    [Fact]
    public void FreeSlots_SplitHours_OffersBothRangesWithoutTheGap()
    {
        var tenant = RoundTheClock(new TimeOnly(8, 0), new TimeOnly(10, 0)) with
        {
            WeeklyHours = [new(DayOfWeek.Tuesday, new(13, 0), new(14, 0)), new(DayOfWeek.Tuesday, new(8, 0), new(9, 0))],
        };
        var calculator = new AvailabilityCalculator(tenant, BookingPolicy.Default);

        var slots = calculator.FreeSlotsOn(Query(OilChange, MondayMorning), new DateOnly(2026, 12, 1));

        Assert.Equal(["08:00", "08:30", "13:00", "13:30"], Times(slots));
    }
}
