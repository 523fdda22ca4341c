using System.Globalization;
using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Storage;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Tests.Scheduling;

/// <summary>
/// America/Chicago springs forward on 2027-03-14 (02:00 CST → 03:00 CDT, at 08:00Z) and falls back on 2026-11-01
/// (02:00 CDT → 01:00 CST, at 07:00Z). America/Phoenix keeps MST (−07:00) all year; America/Havana changes at midnight.
/// Expected values are written out with their offsets, and compared with them.
/// </summary>
public sealed class TenantTimeTests
{
    private static readonly TenantTime Chicago = TenantTime.For("America/Chicago");
    private static readonly TenantTime Phoenix = TenantTime.For("America/Phoenix");
    private static readonly DateOnly SpringForward = new(2027, 3, 14);
    private static readonly DateOnly FallBack = new(2026, 11, 1);

    [Theory]
    [InlineData("2026-12-01T15:00:00Z", "2026-12-01T09:00:00-06:00")]
    [InlineData("2026-07-01T14:00:00Z", "2026-07-01T09:00:00-05:00")]
    [InlineData("2026-11-01T06:30:00Z", "2026-11-01T01:30:00-05:00")] // first 01:30
    [InlineData("2026-11-01T07:30:00Z", "2026-11-01T01:30:00-06:00")] // second 01:30
    [InlineData("2027-03-14T08:00:00Z", "2027-03-14T03:00:00-05:00")] // the change itself
    public void Local_Instant_TheSameInstantWithTheTenantsOffset(string instant, string expected)
    {
        AssertInstant(expected, Chicago.Local(Parse(instant)));
    }

    [Theory]
    [InlineData("2026-12-02T05:30:00Z", "2026-12-01", "23:30")]
    [InlineData("2026-12-02T06:00:00Z", "2026-12-02", "00:00")]
    [InlineData("2026-11-01T06:30:00Z", "2026-11-01", "01:30")]
    [InlineData("2026-11-01T07:30:00Z", "2026-11-01", "01:30")]
    [InlineData("2027-03-14T07:59:00Z", "2027-03-14", "01:59")]
    [InlineData("2027-03-14T08:00:00Z", "2027-03-14", "03:00")]
    public void DayOfAndTimeOf_Instant_TheShopsDateAndClock(string instant, string day, string time)
    {
        Assert.Equal((Date(day), Time(time)), (Chicago.DayOf(Parse(instant)), Chicago.TimeOf(Parse(instant))));
    }

    [Theory]
    [InlineData("2026-12-31T23:30:00-06:00", "2026-12-31")]
    [InlineData("2027-01-01T05:59:00Z", "2026-12-31")]
    [InlineData("2027-01-01T06:00:00Z", "2027-01-01")]
    public void Today_AroundLocalMidnight_TheShopsDate(string now, string expected)
    {
        Assert.Equal(Date(expected), Chicago.Today(Parse(now)));
    }

    [Theory]
    [InlineData("2026-07-01", "09:00", "2026-07-01T09:00:00-05:00")]
    [InlineData("2026-12-01", "09:00", "2026-12-01T09:00:00-06:00")]
    [InlineData("2027-03-14", "01:59", "2027-03-14T01:59:00-06:00")] // just before the gap
    [InlineData("2027-03-14", "02:00", "2027-03-14T03:00:00-05:00")] // the gap moves forward by its hour
    [InlineData("2027-03-14", "02:30", "2027-03-14T03:30:00-05:00")]
    [InlineData("2027-03-14", "02:59", "2027-03-14T03:59:00-05:00")]
    [InlineData("2027-03-14", "03:00", "2027-03-14T03:00:00-05:00")]
    [InlineData("2026-11-01", "00:59", "2026-11-01T00:59:00-05:00")]
    [InlineData("2026-11-01", "01:00", "2026-11-01T01:00:00-05:00")] // repeated: the first occurrence
    [InlineData("2026-11-01", "01:30", "2026-11-01T01:30:00-05:00")]
    [InlineData("2026-11-01", "02:00", "2026-11-01T02:00:00-06:00")]
    public void At_ChicagoLocalTime_TheBookingRule(string day, string time, string expected)
    {
        AssertInstant(expected, Chicago.At(Date(day), Time(time)));
    }

    [Theory]
    [InlineData("2027-03-14", "02:30", null)]
    [InlineData("2027-03-14", "03:30", "2027-03-14T03:30:00-05:00")]
    [InlineData("2026-11-01", "01:30", "2026-11-01T01:30:00-05:00")]
    [InlineData("2026-12-01", "09:00", "2026-12-01T09:00:00-06:00")]
    public void ExactlyAt_ChicagoLocalTime_NoneInTheGapFirstWhenRepeated(string day, string time, string? expected)
    {
        AssertInstant(expected, Chicago.ExactlyAt(Date(day), Time(time)));
    }

    [Theory]
    [InlineData("2027-03-14", "02:30", "2027-03-14T03:00:00-05:00", "2027-03-14T03:00:00-05:00")] // both at the change
    [InlineData("2026-11-01", "01:30", "2026-11-01T01:30:00-05:00", "2026-11-01T01:30:00-06:00")] // first / last occurrence
    [InlineData("2026-12-01", "17:00", "2026-12-01T17:00:00-06:00", "2026-12-01T17:00:00-06:00")]
    public void WindowStartAndEnd_ChicagoLocalTime_RangeEdges(string day, string time, string start, string end)
    {
        AssertInstant(start, Chicago.WindowStart(Date(day), Time(time)));
        AssertInstant(end, Chicago.WindowEnd(Date(day), Time(time)));
    }

    [Theory]
    [InlineData("2027-03-14", 23)]
    [InlineData("2026-11-01", 25)]
    [InlineData("2026-12-01", 24)]
    public void StartOfDay_ChicagoDstDays_MidnightsAsFarApartAsTheDayIsLong(string day, int hours)
    {
        var start = Chicago.StartOfDay(Date(day));

        Assert.Equal(TimeSpan.Zero, start.TimeOfDay);
        Assert.Equal(TimeSpan.FromHours(hours), Chicago.StartOfDay(Date(day).AddDays(1)) - start);
    }

    [Fact]
    public void StartOfDay_MidnightSkipped_TheInstantTheClocksChange()
    {
        // Havana springs forward at midnight on 2027-03-14: 00:00 CST (−05:00) jumps to 01:00 CDT (−04:00).
        AssertInstant("2027-03-14T01:00:00-04:00", TenantTime.For("America/Havana").StartOfDay(SpringForward));
    }

    [Fact]
    public void At_EveryReadingOfTheFallBackDay_BackToItsInstantOrTheFirstOfTheRepeatedHour()
    {
        var start = Chicago.StartOfDay(FallBack);
        var movedBack = 0;
        for (var instant = start; instant < Chicago.StartOfDay(FallBack.AddDays(1)); instant = instant.AddMinutes(15))
        {
            var placed = Chicago.At(Chicago.DayOf(instant), Chicago.TimeOf(instant));
            var shift = instant - placed;
            Assert.True(shift == TimeSpan.Zero || shift == TimeSpan.FromHours(1), $"{instant:O} placed at {placed:O}");
            movedBack += placed == instant ? 0 : 1;
        }

        Assert.Equal(4, movedBack); // 01:00, 01:15, 01:30 and 01:45 CST
    }

    [Theory]
    [InlineData("2027-03-14", "02:30")]
    [InlineData("2026-11-01", "01:30")]
    [InlineData("2026-12-01", "00:00")]
    public void EveryPlacement_ZoneWithoutDst_TheOneMstInstant(string day, string time)
    {
        var expected = $"{day}T{time}:00-07:00";

        AssertInstant(expected, Phoenix.At(Date(day), Time(time)));
        AssertInstant(expected, Phoenix.ExactlyAt(Date(day), Time(time)));
        AssertInstant(expected, Phoenix.WindowStart(Date(day), Time(time)));
        AssertInstant(expected, Phoenix.WindowEnd(Date(day), Time(time)));
        Assert.Equal(TimeSpan.FromHours(24), Phoenix.StartOfDay(Date(day).AddDays(1)) - Phoenix.StartOfDay(Date(day)));
    }

    [Theory]
    [InlineData("2027-03-14T08:30:00Z", "2027-03-14T01:30:00-07:00")]
    [InlineData("2026-11-01T07:30:00Z", "2026-11-01T00:30:00-07:00")]
    public void Local_ZoneWithoutDst_AlwaysMst(string instant, string expected)
    {
        AssertInstant(expected, Phoenix.Local(Parse(instant)));
    }

    [Fact]
    public void For_SameZoneId_OneSharedInstance()
    {
        Assert.Same(TenantTime.For("America/Chicago"), Chicago);
    }

    [Fact]
    public void For_UnknownZoneId_Throws()
    {
        Assert.Throws<TimeZoneNotFoundException>(() => TenantTime.For("Mars/Olympus_Mons"));
    }

    [Fact]
    public void TenantProfileTime_ChangedZone_FollowsTheZone()
    {
        var phoenix = DemoTenant.Profile with { TimeZoneId = "America/Phoenix" };

        Assert.Equal(("America/Chicago", "America/Phoenix"), (DemoTenant.Profile.Time.Zone.Id, phoenix.Time.Zone.Id));
    }

    [Fact]
    public void TenantProfileTime_Stored_IsNotWritten()
    {
        var json = StorageJson.Serialize(DemoTenant.Profile);

        Assert.DoesNotContain("\"time\"", json, StringComparison.Ordinal);
        Assert.Equal(DemoTenant.Profile.TimeZoneId, StorageJson.Deserialize<TenantProfile>(json).Time.Zone.Id);
    }

    private static void AssertInstant(string? expected, DateTimeOffset? actual) =>
        Assert.Equal(expected is null ? null : Parse(expected).ToString("O", CultureInfo.InvariantCulture), actual?.ToString("O", CultureInfo.InvariantCulture));

    private static DateTimeOffset Parse(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);

    private static DateOnly Date(string value) => DateOnly.Parse(value, CultureInfo.InvariantCulture);

    private static TimeOnly Time(string value) => TimeOnly.Parse(value, CultureInfo.InvariantCulture);
}
