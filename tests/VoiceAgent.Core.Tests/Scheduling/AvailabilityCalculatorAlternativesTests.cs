using VoiceAgent.Core.Scheduling;
using static VoiceAgent.Core.Tests.Scheduling.SchedulingFixture;

namespace VoiceAgent.Core.Tests.Scheduling;

/// <summary>What the agent offers when the asked-for start is taken or closed.</summary>
public sealed class AvailabilityCalculatorAlternativesTests
{
    private static readonly DateTimeOffset Now = Local(2026, 11, 30, 6, 0);

    [Fact]
    public void NearestAlternatives_SlotTaken_NearestOnSameDayFirstEarlierWinsTies()
    {
        var query = Query(BrakeInspection, Now, Booked(BrakeInspection, Local(2026, 12, 1, 10)));

        var alternatives = Demo().NearestAlternatives(query, Local(2026, 12, 1, 10), 4);

        // 09:30 and 10:30 overlap the booked hour; 09:00 and 11:00 are 60 min away, 08:30 and 11:30 are 90.
        Assert.Equal(["09:00", "11:00", "08:30", "11:30"], Times(alternatives));
    }

    [Fact]
    public void NearestAlternatives_FreeRequestedSlot_IsNotOfferedBack()
    {
        var alternatives = Demo().NearestAlternatives(Query(OilChange, Now), Local(2026, 12, 1, 10), 2);

        Assert.Equal(["09:30", "10:30"], Times(alternatives));
    }

    [Fact]
    public void NearestAlternatives_SameDayRunsOut_ContinuesWithFollowingDaysInOrder()
    {
        var query = Query(OilChange, Now) with { BusyIntervals = [new(Local(2026, 12, 5, 9), Local(2026, 12, 5, 12))] };

        var alternatives = Demo().NearestAlternatives(query, Local(2026, 12, 5, 10), 4);

        Assert.Equal(
            [Local(2026, 12, 5, 12), Local(2026, 12, 5, 12, 30), Local(2026, 12, 7, 8), Local(2026, 12, 7, 8, 30)],
            alternatives);
    }

    [Fact]
    public void NearestAlternatives_ClosedDay_OffersNextOpenDay()
    {
        var alternatives = Demo().NearestAlternatives(Query(OilChange, Local(2026, 12, 20, 9)), Local(2026, 12, 25, 10), 2);

        Assert.Equal([Local(2026, 12, 26, 9), Local(2026, 12, 26, 9, 30)], alternatives);
    }

    [Fact]
    public void NearestAlternatives_NewYearsDay_SkipsToSaturdayAcrossYearEnd()
    {
        var alternatives = Demo().NearestAlternatives(Query(OilChange, Local(2026, 12, 31, 16)), Local(2027, 1, 1, 9), 1);

        Assert.Equal([new DateTimeOffset(2027, 1, 2, 9, 0, 0, TimeSpan.FromHours(-6))], alternatives);
    }

    [Fact]
    public void NearestAlternatives_RequestedTooSoon_OffersFirstStartsAfterLeadTime()
    {
        var alternatives = Demo().NearestAlternatives(Query(OilChange, Local(2026, 12, 1, 9, 15)), Local(2026, 12, 1, 9, 30), 2);

        Assert.Equal(["10:30", "11:00"], Times(alternatives));
    }

    [Fact]
    public void NearestAlternatives_RequestedLastStartOfDay_WalksBackThroughTheDay()
    {
        var now = Local(2026, 12, 1, 9, 15);

        var alternatives = Demo().NearestAlternatives(Query(OilChange, now), Local(2027, 1, 29, 16, 30), 5);

        Assert.Equal([Local(2027, 1, 29, 16), Local(2027, 1, 29, 15, 30), Local(2027, 1, 29, 15), Local(2027, 1, 29, 14, 30), Local(2027, 1, 29, 14)], alternatives);
    }

    [Fact]
    public void NearestAlternatives_LastDayOfHorizon_StopsAtHorizon()
    {
        var now = Local(2026, 12, 1, 9, 15);
        var query = Query(OilChange, now) with { BusyIntervals = [new(Local(2027, 1, 29, 0), Local(2027, 1, 30, 0))] };

        var alternatives = Demo().NearestAlternatives(query, Local(2027, 1, 29, 10), 5);

        Assert.Equal([Local(2027, 1, 30, 9)], alternatives);
    }

    [Fact]
    public void NearestAlternatives_ZeroCount_IsEmpty()
    {
        Assert.Empty(Demo().NearestAlternatives(Query(OilChange, Now), Local(2026, 12, 1, 10), 0));
    }
}
