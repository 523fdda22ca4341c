using VoiceAgent.CallSimulator.Cli;
using VoiceAgent.Core.Scheduling;

namespace VoiceAgent.Simulator.Tests.Cli;

public sealed class ClockArgumentTests
{
    private static readonly TenantTime Chicago = TenantTime.For("America/Chicago");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void TryParse_Nothing_ShowsTheClock(string? text)
    {
        Assert.True(ClockArgument.TryParse(text, Chicago, out var argument, out _));

        Assert.True(argument.IsShow);
    }

    [Theory]
    [InlineData("+1d", 24 * 60)]
    [InlineData("+2h30m", 150)]
    [InlineData("+90m", 90)]
    [InlineData("+1d2h", 26 * 60)]
    [InlineData("+1D", 24 * 60)]
    [InlineData("+01:30:00", 90)]
    [InlineData("+1.00:05:00", 24 * 60 + 5)]
    public void TryParse_PlusSpan_MovesForwardBy(string text, int minutes)
    {
        Assert.True(ClockArgument.TryParse(text, Chicago, out var argument, out _));

        Assert.Equal(TimeSpan.FromMinutes(minutes), argument.By);
    }

    [Fact]
    public void TryParse_Seconds_MovesForwardBySeconds()
    {
        Assert.True(ClockArgument.TryParse("+45s", Chicago, out var argument, out _));

        Assert.Equal(TimeSpan.FromSeconds(45), argument.By);
    }

    [Theory]
    [InlineData("2026-12-02T10:05-06:00", "2026-12-02T16:05:00Z")]
    [InlineData("2026-12-02T10:05:30+01:00", "2026-12-02T09:05:30Z")]
    [InlineData("2026-12-02T16:05Z", "2026-12-02T16:05:00Z")]
    [InlineData("2026-12-02T10:05-0600", "2026-12-02T16:05:00Z")]
    public void TryParse_InstantWithOffset_MovesToThatInstant(string text, string utc)
    {
        Assert.True(ClockArgument.TryParse(text, Chicago, out var argument, out _));

        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), argument.To);
    }

    [Theory]
    // Standard time in December, daylight time in July.
    [InlineData("2026-12-02T10:05", "2026-12-02T16:05:00Z")]
    [InlineData("2026-07-02T10:05", "2026-07-02T15:05:00Z")]
    [InlineData("2026-12-02 10:05:30", "2026-12-02T16:05:30Z")]
    // The repeated hour when clocks fall back: its first occurrence (still daylight time).
    [InlineData("2026-11-01T01:30", "2026-11-01T06:30:00Z")]
    // The skipped hour when clocks spring forward: moved forward by the gap.
    [InlineData("2027-03-14T02:30", "2027-03-14T08:30:00Z")]
    public void TryParse_LocalDateTime_IsTheShopsTime(string text, string utc)
    {
        Assert.True(ClockArgument.TryParse(text, Chicago, out var argument, out _));

        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), argument.To);
    }

    [Theory]
    [InlineData("+")]
    [InlineData("+0m")]
    [InlineData("+00:00:00")]
    [InlineData("+1x")]
    [InlineData("+30m1h")]
    [InlineData("+-1h")]
    [InlineData("+1h 30m")]
    [InlineData("1d")]
    [InlineData("tomorrow")]
    [InlineData("2026-12-02")]
    [InlineData("2026-13-02T10:05")]
    public void TryParse_Unreadable_SaysHowToWriteIt(string text)
    {
        Assert.False(ClockArgument.TryParse(text, Chicago, out _, out var error));

        Assert.Contains(text, error, StringComparison.Ordinal);
        Assert.Contains("+1d", error, StringComparison.Ordinal);
    }
}
