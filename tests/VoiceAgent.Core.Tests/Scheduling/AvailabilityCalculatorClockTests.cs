using VoiceAgent.Core.Scheduling;
using static VoiceAgent.Core.Tests.Scheduling.SchedulingFixture;

namespace VoiceAgent.Core.Tests.Scheduling;

/// <summary>Lead time, horizon, "tomorrow" near midnight and month/year edges.</summary>
public sealed class AvailabilityCalculatorClockTests
{
    [Fact]
    public void FreeSlotsOn_Today_FirstSlotIsOnTheGridAfterLeadTime()
    {
        var slots = Demo().FreeSlotsOn(Query(OilChange, Local(2026, 12, 1, 9, 15)), new DateOnly(2026, 12, 1));

        Assert.Equal("10:30", Times(slots)[0]);
    }

    [Fact]
    public void FreeSlotsOn_NowExactlyLeadTimeBefore_SlotIsStillOffered()
    {
        var slots = Demo().FreeSlotsOn(Query(OilChange, Local(2026, 12, 1, 9, 0)), new DateOnly(2026, 12, 1));

        Assert.Equal("10:00", Times(slots)[0]);
    }

    [Fact]
    public void FreeSlotsOn_LastDayOfHorizon_StopsAtNowPlusSixtyDays()
    {
        var now = Local(2026, 12, 1, 9, 15);

        var slots = Demo().FreeSlotsOn(Query(OilChange, now), new DateOnly(2027, 1, 30)); // a Saturday

        Assert.Equal(["09:00"], Times(slots));
    }

    [Fact]
    public void FreeSlotsOn_BeyondHorizon_IsEmpty()
    {
        var slots = Demo().FreeSlotsOn(Query(OilChange, Local(2026, 12, 1, 9, 15)), new DateOnly(2027, 2, 1));

        Assert.Empty(slots);
    }

    [Fact]
    public void FreeSlotsOn_PastDay_IsEmpty()
    {
        var slots = Demo().FreeSlotsOn(Query(OilChange, Local(2026, 12, 1, 9, 15)), new DateOnly(2026, 11, 30));

        Assert.Empty(slots);
    }

    [Fact]
    public void FreeSlots_WholeHorizon_EndsWithinSixtyDays()
    {
        var now = Local(2026, 12, 1, 9, 15);

        var slots = Demo().FreeSlots(Query(OilChange, now), DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

        Assert.Equal(Local(2026, 12, 1, 10, 30), slots[0]);
        Assert.Equal(Local(2027, 1, 30, 9, 0), slots[^1]);
    }

    [Fact]
    public void FreeSlotsOn_NowAt2330LocalAskingForTomorrow_OffersTomorrowsFullDay()
    {
        var now = Local(2026, 12, 1, 23, 30); // already Dec 2 in UTC

        var slots = Demo().FreeSlotsOn(Query(OilChange, now), new DateOnly(2026, 12, 2));

        Assert.Equal(18, slots.Count);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.FromHours(-6)), slots[0]);
    }

    [Fact]
    public void FreeSlotsOn_NowAt2330LocalAskingForToday_IsEmpty()
    {
        var slots = Demo().FreeSlotsOn(Query(OilChange, Local(2026, 12, 1, 23, 30)), new DateOnly(2026, 12, 1));

        Assert.Empty(slots);
    }

    [Fact]
    public void FreeSlotsOn_FridayAt2330AskingForSaturday_OffersSaturdayHours()
    {
        var slots = Demo().FreeSlotsOn(Query(OilChange, Local(2026, 12, 4, 23, 30)), new DateOnly(2026, 12, 5));

        Assert.Equal(["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30"], Times(slots));
    }

    [Fact]
    public void FreeSlots_YearEnd_SkipsNewYearsDayAndResumesOnSaturday()
    {
        var slots = Demo().FreeSlots(Query(OilChange, Local(2026, 12, 30, 10)), Local(2026, 12, 31, 0), Local(2027, 1, 3, 0));

        Assert.Equal(18 + 8, slots.Count);
        Assert.Equal(Local(2026, 12, 31, 16, 30), slots[17]);
        Assert.Equal(new DateTimeOffset(2027, 1, 2, 9, 0, 0, TimeSpan.FromHours(-6)), slots[18]);
    }

    [Fact]
    public void FreeSlots_MonthEnd_CrossesIntoNextMonthWithoutGapOrRepeat()
    {
        var slots = Demo().FreeSlots(Query(OilChange, Local(2026, 11, 27, 10)), Local(2026, 11, 30, 0), Local(2026, 12, 2, 0));

        Assert.Equal(36, slots.Count);
        Assert.Equal(36, slots.Distinct().Count());
        Assert.Equal(Local(2026, 12, 1, 8), slots[18]);
    }

    [Fact]
    public void FreeSlots_WindowGivenInUtc_ReturnsSameSlotsAsLocalWindow()
    {
        var query = Query(OilChange, Local(2026, 11, 27, 10));

        var utc = Demo().FreeSlots(query, new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero));
        var local = Demo().FreeSlotsOn(query, new DateOnly(2026, 12, 1));

        Assert.Equal(local, utc);
    }
}
