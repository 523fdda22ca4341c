using VoiceAgent.Core.Scheduling;
using static VoiceAgent.Core.Tests.Scheduling.SchedulingFixture;

namespace VoiceAgent.Core.Tests.Scheduling;

/// <summary>Per-service capacity and external calendar busy times.</summary>
public sealed class AvailabilityCalculatorBookTests
{
    private static readonly DateTimeOffset Now = Local(2026, 11, 30, 6, 0);
    private static readonly DateOnly Tuesday = new(2026, 12, 1);

    [Fact]
    public void FreeSlotsOn_OneOilChangeBooked_SlotStaysFreeForCapacityTwo()
    {
        var query = Query(OilChange, Now, Booked(OilChange, Local(2026, 12, 1, 10)));

        var slots = Demo().FreeSlotsOn(query, Tuesday);

        Assert.Contains("10:00", Times(slots));
    }

    [Fact]
    public void FreeSlotsOn_TwoOilChangesBooked_SlotIsTaken()
    {
        var query = Query(OilChange, Now, Booked(OilChange, Local(2026, 12, 1, 10)), Booked(OilChange, Local(2026, 12, 1, 10)));

        var slots = Demo().FreeSlotsOn(query, Tuesday);

        Assert.DoesNotContain("10:00", Times(slots));
        Assert.Equal(17, slots.Count);
    }

    [Fact]
    public void FreeSlotsOn_OneBrakeInspectionBooked_BlocksEveryOverlappingStart()
    {
        var query = Query(BrakeInspection, Now, Booked(BrakeInspection, Local(2026, 12, 1, 10)));

        var times = Times(Demo().FreeSlotsOn(query, Tuesday));

        Assert.DoesNotContain("09:30", times);
        Assert.DoesNotContain("10:00", times);
        Assert.DoesNotContain("10:30", times);
        Assert.Contains("09:00", times);
        Assert.Contains("11:00", times);
    }

    [Fact]
    public void FreeSlotsOn_OtherServicesBooked_DoNotUseThisServicesCapacity()
    {
        var query = Query(BrakeInspection, Now, Booked(OilChange, Local(2026, 12, 1, 10)), Booked(OilChange, Local(2026, 12, 1, 10)),
            Booked(StateInspection, Local(2026, 12, 1, 10)));

        var slots = Demo().FreeSlotsOn(query, Tuesday);

        Assert.Equal(17, slots.Count);
    }

    [Fact]
    public void FreeSlotsOn_ServiceNameDiffersInCase_StillCounts()
    {
        var start = Local(2026, 12, 1, 10);
        var query = Query(BrakeInspection, Now, new ExistingAppointment(start, start.AddHours(1), "Brake Inspection"));

        var times = Times(Demo().FreeSlotsOn(query, Tuesday));

        Assert.DoesNotContain("10:00", times);
    }

    [Fact]
    public void FreeSlotsOn_StaggeredOilChangesOverlapBriefly_FullOnlyWhereBothRun()
    {
        var a = Local(2026, 12, 1, 10, 0);
        var b = Local(2026, 12, 1, 10, 15);
        var query = Query(OilChange, Now, new(a, a.AddMinutes(30), "oil change"), new(b, b.AddMinutes(30), "oil change"));

        var times = Times(Demo().FreeSlotsOn(query, Tuesday));

        Assert.DoesNotContain("10:00", times); // 10:15–10:30 already has two
        Assert.Contains("09:30", times);
        Assert.Contains("10:30", times); // only the 10:15 one is still running
    }

    [Fact]
    public void FreeSlotsOn_BackToBackOilChanges_NeverOverlapSoNothingIsFull()
    {
        var query = Query(OilChange, Now, Booked(OilChange, Local(2026, 12, 1, 10)), Booked(OilChange, Local(2026, 12, 1, 10, 30)),
            Booked(OilChange, Local(2026, 12, 1, 11)));

        var slots = Demo().FreeSlotsOn(query, Tuesday);

        Assert.Equal(18, slots.Count);
    }

    [Fact]
    public void FreeSlotsOn_BusyInterval_BlocksServiceWithSpareCapacity()
    {
        var query = Query(OilChange, Now) with { BusyIntervals = [new(Local(2026, 12, 1, 12), Local(2026, 12, 1, 13))] };

        var times = Times(Demo().FreeSlotsOn(query, Tuesday));

        Assert.DoesNotContain("12:00", times);
        Assert.DoesNotContain("12:30", times);
        Assert.Contains("11:30", times);
        Assert.Contains("13:00", times);
    }

    [Fact]
    public void FreeSlotsOn_BusyInterval_BlocksLongServiceStartingBeforeIt()
    {
        var query = Query(BrakeInspection, Now) with { BusyIntervals = [new(Local(2026, 12, 1, 12), Local(2026, 12, 1, 13))] };

        var times = Times(Demo().FreeSlotsOn(query, Tuesday));

        Assert.DoesNotContain("11:30", times);
        Assert.Contains("11:00", times);
    }

    [Fact]
    public void FreeSlotsOn_BusyIntervalGivenInUtc_BlocksTheSameInstant()
    {
        var busyUtc = new DateTimeOffset(2026, 12, 1, 18, 0, 0, TimeSpan.Zero); // 12:00 in Chicago
        var query = Query(OilChange, Now) with { BusyIntervals = [new(busyUtc, busyUtc.AddMinutes(30))] };

        var times = Times(Demo().FreeSlotsOn(query, Tuesday));

        Assert.DoesNotContain("12:00", times);
        Assert.Contains("12:30", times);
    }

    [Fact]
    public void FreeSlotsOn_AllDayBusy_IsEmpty()
    {
        var query = Query(OilChange, Now) with { BusyIntervals = [new(Local(2026, 12, 1, 0), Local(2026, 12, 2, 0))] };

        Assert.Empty(Demo().FreeSlotsOn(query, Tuesday));
    }

    [Fact]
    public void FreeSlotsOn_ZeroCapacityService_IsEmpty()
    {
        var query = Query(OilChange with { Capacity = 0 }, Now);

        Assert.Empty(Demo().FreeSlotsOn(query, Tuesday));
    }
}
