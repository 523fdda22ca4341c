using VoiceAgent.Core.Scheduling;
using static VoiceAgent.Core.Tests.Scheduling.SchedulingFixture;

namespace VoiceAgent.Core.Tests.Scheduling;

/// <summary>
/// America/Chicago DST: fall back on Sunday 2026-11-01 (02:00 CDT → 01:00 CST) and spring forward on Sunday
/// 2027-03-14 (02:00 CST → 03:00 CDT). The demo shop is closed on both Sundays, so its weekends around them are
/// checked, and a round-the-clock tenant checks transitions that fall inside opening hours.
/// </summary>
public sealed class AvailabilityCalculatorDstTests
{
    private static readonly TimeSpan Cdt = TimeSpan.FromHours(-5);
    private static readonly TimeSpan Cst = TimeSpan.FromHours(-6);

    [Fact]
    public void FreeSlots_FallBackWeekend_SaturdayInCdtMondayInCst()
    {
        var slots = Demo().FreeSlots(Query(OilChange, Local(2026, 10, 30, 9)), Local(2026, 10, 31, 0), Local(2026, 11, 3, 0));

        Assert.Equal(8 + 18, slots.Count);
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 9, 0, 0, Cdt), slots[0]);
        Assert.Equal(Cdt, slots[0].Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 8, 0, 0, Cst), slots[8]);
        Assert.Equal(Cst, slots[8].Offset);
        Assert.Equal(new DateTime(2026, 11, 2, 14, 0, 0, DateTimeKind.Utc), slots[8].UtcDateTime);
    }

    [Fact]
    public void FreeSlots_SpringForwardWeekend_SaturdayInCstMondayInCdt()
    {
        var slots = Demo().FreeSlots(Query(OilChange, Local(2027, 3, 1, 9)), Local(2027, 3, 13, 0), Local(2027, 3, 16, 0));

        Assert.Equal(8 + 18, slots.Count);
        Assert.Equal(new DateTimeOffset(2027, 3, 13, 9, 0, 0, Cst), slots[0]);
        Assert.Equal(new DateTimeOffset(2027, 3, 15, 8, 0, 0, Cdt), slots[8]);
        Assert.Equal(new DateTime(2027, 3, 15, 13, 0, 0, DateTimeKind.Utc), slots[8].UtcDateTime);
    }

    [Theory]
    [InlineData(2026, 11, 1)]
    [InlineData(2027, 3, 14)]
    public void FreeSlotsOn_DemoTenantOnDstSunday_IsEmpty(int year, int month, int day)
    {
        var sunday = new DateOnly(year, month, day);
        var weekBefore = sunday.AddDays(-7);

        var slots = Demo().FreeSlotsOn(Query(OilChange, Local(weekBefore.Year, weekBefore.Month, weekBefore.Day, 9)), sunday);

        Assert.Empty(slots);
    }

    [Fact]
    public void FreeSlotsOn_MondayAfterFallBack_SameWallClockTimesAsTheWeekBefore()
    {
        var calculator = Demo();
        var query = Query(OilChange, Local(2026, 10, 20, 9));

        var before = Times(calculator.FreeSlotsOn(query, new DateOnly(2026, 10, 26)));
        var after = Times(calculator.FreeSlotsOn(query, new DateOnly(2026, 11, 2)));

        Assert.Equal(before, after);
    }

    [Fact]
    public void FreeSlotsOn_RoundTheClockSpringForward_SkipsTheMissingHour()
    {
        var calculator = new AvailabilityCalculator(RoundTheClock(TimeOnly.MinValue, TimeOnly.MinValue), BookingPolicy.Default);

        var slots = calculator.FreeSlotsOn(Query(OilChange, Local(2027, 3, 10, 9)), new DateOnly(2027, 3, 14));

        Assert.Equal(48 - 2, slots.Count); // 02:00 and 02:30 do not exist
        Assert.DoesNotContain(slots, s => TimeZoneInfo.ConvertTime(s, Chicago).Hour == 2);
        var index = Array.IndexOf(Times(slots), "01:30");
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 1, 30, 0, Cst), slots[index]);
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 3, 0, 0, Cdt), slots[index + 1]);
        Assert.Equal(TimeSpan.FromMinutes(30), slots[index + 1] - slots[index]);
    }

    [Fact]
    public void FreeSlotsOn_RoundTheClockFallBack_OffersTheRepeatedHourTwiceInOrder()
    {
        var calculator = new AvailabilityCalculator(RoundTheClock(TimeOnly.MinValue, TimeOnly.MinValue), BookingPolicy.Default);

        var slots = calculator.FreeSlotsOn(Query(OilChange, Local(2026, 10, 28, 9)), new DateOnly(2026, 11, 1));

        Assert.Equal(48 + 2, slots.Count);
        Assert.Equal(slots.Count, slots.Select(s => s.UtcTicks).Distinct().Count());
        Assert.All(slots.Zip(slots.Skip(1)), pair => Assert.Equal(TimeSpan.FromMinutes(30), pair.Second - pair.First));
        Assert.Contains(new DateTimeOffset(2026, 11, 1, 1, 0, 0, Cdt), slots);
        Assert.Contains(new DateTimeOffset(2026, 11, 1, 1, 0, 0, Cst), slots);
        Assert.Equal(Cst, slots[^1].Offset);
    }

    [Fact]
    public void FreeSlotsOn_OpeningTimeInSpringForwardGap_OpensWhenTheClockJumps()
    {
        var calculator = new AvailabilityCalculator(RoundTheClock(new TimeOnly(2, 0), new TimeOnly(6, 0)), BookingPolicy.Default);

        var slots = calculator.FreeSlotsOn(Query(OilChange, Local(2027, 3, 10, 9)), new DateOnly(2027, 3, 14));

        Assert.Equal(["03:00", "03:30", "04:00", "04:30", "05:00", "05:30"], Times(slots));
    }

    [Fact]
    public void FreeSlotsOn_SixtyMinuteServiceAcrossSpringForward_EndsByClosingInElapsedTime()
    {
        var calculator = new AvailabilityCalculator(RoundTheClock(TimeOnly.MinValue, new TimeOnly(4, 0)), BookingPolicy.Default);

        var slots = calculator.FreeSlotsOn(Query(BrakeInspection, Local(2027, 3, 10, 9)), new DateOnly(2027, 3, 14));

        // 00:00–04:00 local is three real hours that day: 01:30 CST + 60 min = 03:30 CDT still fits; 03:30 CDT does not.
        Assert.Equal(["00:00", "00:30", "01:00", "01:30", "03:00"], Times(slots));
    }

    [Fact]
    public void FreeSlotsOn_AppointmentAcrossSpringForwardGap_BlocksTheSlotAfterTheJump()
    {
        var calculator = new AvailabilityCalculator(RoundTheClock(TimeOnly.MinValue, TimeOnly.MinValue), BookingPolicy.Default);
        var query = Query(BrakeInspection, Local(2027, 3, 10, 9), Booked(BrakeInspection, new DateTimeOffset(2027, 3, 14, 1, 30, 0, Cst)));

        var times = Times(calculator.FreeSlotsOn(query, new DateOnly(2027, 3, 14)));

        Assert.DoesNotContain("03:00", times); // 01:30 CST + 60 min runs until 03:30 CDT
        Assert.Contains("03:30", times);
    }

    [Fact]
    public void CheckSlot_SecondOccurrenceOfRepeatedHour_IsFree()
    {
        var calculator = new AvailabilityCalculator(RoundTheClock(TimeOnly.MinValue, TimeOnly.MinValue), BookingPolicy.Default);

        var status = calculator.CheckSlot(Query(OilChange, Local(2026, 10, 28, 9)), new DateTimeOffset(2026, 11, 1, 1, 30, 0, Cst));

        Assert.Equal(SlotStatus.Free, status);
    }

    [Fact]
    public void FreeSlots_WholeHorizonAcrossFallBack_EveryLocalTimeOnGridAndNoDuplicates()
    {
        var slots = Demo().FreeSlots(Query(OilChange, Local(2026, 10, 1, 9)), DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

        Assert.Equal(slots.Count, slots.Distinct().Count());
        Assert.All(slots, s => Assert.Equal(0, TimeZoneInfo.ConvertTime(s, Chicago).Minute % 30));
        Assert.All(slots, s => Assert.Equal(Chicago.GetUtcOffset(s), s.Offset));
    }
}
