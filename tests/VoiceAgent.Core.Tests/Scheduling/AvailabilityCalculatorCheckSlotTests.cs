using VoiceAgent.Core.Scheduling;
using static VoiceAgent.Core.Tests.Scheduling.SchedulingFixture;

namespace VoiceAgent.Core.Tests.Scheduling;

/// <summary>The yes/no-with-reason check the dialog runs on the one start a caller asked for.</summary>
public sealed class AvailabilityCalculatorCheckSlotTests
{
    private static readonly DateTimeOffset Now = Local(2026, 12, 1, 9, 15);

    [Fact]
    public void IsSlotFree_OpenSlot_ReturnsTrueWithFree()
    {
        var free = Demo().IsSlotFree(Query(OilChange, Now), Local(2026, 12, 2, 9), out var status);

        Assert.True(free);
        Assert.Equal(SlotStatus.Free, status);
    }

    [Fact]
    public void IsSlotFree_FullSlot_ReturnsFalseWithFull()
    {
        var free = Demo().IsSlotFree(Query(BrakeInspection, Now, Booked(BrakeInspection, Local(2026, 12, 2, 9))), Local(2026, 12, 2, 9), out var status);

        Assert.False(free);
        Assert.Equal(SlotStatus.Full, status);
    }

    [Fact]
    public void CheckSlot_Sunday_IsClosedDay()
    {
        Assert.Equal(SlotStatus.ClosedDay, Demo().CheckSlot(Query(OilChange, Now), Local(2026, 12, 6, 10)));
    }

    [Fact]
    public void CheckSlot_Christmas_IsClosedDay()
    {
        Assert.Equal(SlotStatus.ClosedDay, Demo().CheckSlot(Query(OilChange, Now), Local(2026, 12, 25, 10)));
    }

    [Fact]
    public void CheckSlot_BeforeOpening_IsOutsideHours()
    {
        Assert.Equal(SlotStatus.OutsideHours, Demo().CheckSlot(Query(OilChange, Now), Local(2026, 12, 2, 7, 30)));
    }

    [Fact]
    public void CheckSlot_AtClosing_IsOutsideHours()
    {
        Assert.Equal(SlotStatus.OutsideHours, Demo().CheckSlot(Query(OilChange, Now), Local(2026, 12, 2, 17)));
    }

    [Fact]
    public void CheckSlot_SixtyMinuteServiceAt1630_IsOutsideHours()
    {
        Assert.Equal(SlotStatus.OutsideHours, Demo().CheckSlot(Query(BrakeInspection, Now), Local(2026, 12, 2, 16, 30)));
    }

    [Fact]
    public void CheckSlot_SaturdayAfterOne_IsOutsideHours()
    {
        Assert.Equal(SlotStatus.OutsideHours, Demo().CheckSlot(Query(OilChange, Now), Local(2026, 12, 5, 13)));
    }

    [Fact]
    public void CheckSlot_QuarterPast_IsNotOnGrid()
    {
        Assert.Equal(SlotStatus.NotOnGrid, Demo().CheckSlot(Query(OilChange, Now), Local(2026, 12, 2, 10, 15)));
    }

    [Fact]
    public void CheckSlot_WithinLeadTime_IsTooSoon()
    {
        Assert.Equal(SlotStatus.TooSoon, Demo().CheckSlot(Query(OilChange, Now), Local(2026, 12, 1, 10)));
    }

    [Fact]
    public void CheckSlot_InThePast_IsTooSoon()
    {
        Assert.Equal(SlotStatus.TooSoon, Demo().CheckSlot(Query(OilChange, Now), Local(2026, 11, 30, 10)));
    }

    [Fact]
    public void CheckSlot_JustAfterHorizon_IsBeyondHorizon()
    {
        Assert.Equal(SlotStatus.BeyondHorizon, Demo().CheckSlot(Query(OilChange, Now), Local(2027, 1, 30, 9, 30)));
    }

    [Fact]
    public void CheckSlot_JustInsideHorizon_IsFree()
    {
        Assert.Equal(SlotStatus.Free, Demo().CheckSlot(Query(OilChange, Now), Local(2027, 1, 30, 9)));
    }

    [Fact]
    public void CheckSlot_CalendarBusy_IsCalendarBusy()
    {
        var query = Query(OilChange, Now) with { BusyIntervals = [new(Local(2026, 12, 2, 9, 45), Local(2026, 12, 2, 10, 15))] };

        Assert.Equal(SlotStatus.CalendarBusy, Demo().CheckSlot(query, Local(2026, 12, 2, 10)));
    }

    [Fact]
    public void CheckSlot_OneOfTwoOilChangesTaken_IsFree()
    {
        var query = Query(OilChange, Now, Booked(OilChange, Local(2026, 12, 2, 10)));

        Assert.Equal(SlotStatus.Free, Demo().CheckSlot(query, Local(2026, 12, 2, 10)));
    }

    [Fact]
    public void CheckSlot_AppointmentEndingAtStart_IsFree()
    {
        var query = Query(BrakeInspection, Now, Booked(BrakeInspection, Local(2026, 12, 2, 9)));

        Assert.Equal(SlotStatus.Free, Demo().CheckSlot(query, Local(2026, 12, 2, 10)));
    }

    [Fact]
    public void CheckSlot_StartGivenInUtc_SameAnswerAsLocal()
    {
        var query = Query(BrakeInspection, Now, Booked(BrakeInspection, Local(2026, 12, 2, 9)));

        Assert.Equal(SlotStatus.Full, Demo().CheckSlot(query, new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void CheckSlot_EverySlotFreeSlotsReturns_IsFree()
    {
        var calculator = Demo();
        var query = Query(BrakeInspection, Now, Booked(BrakeInspection, Local(2026, 12, 2, 11)));

        var slots = calculator.FreeSlots(query, Local(2026, 12, 1, 0), Local(2026, 12, 8, 0));

        Assert.All(slots, s => Assert.Equal(SlotStatus.Free, calculator.CheckSlot(query, s)));
    }
}
