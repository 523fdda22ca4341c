using VoiceAgent.LocalFunctionsHost.Triggers;

namespace VoiceAgent.LocalFunctionsHost.Tests.Hosting;

public sealed class TimerScheduleTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 2, 30, TimeSpan.Zero);

    [Theory]
    [InlineData("0 */5 * * * *", "2026-12-01T09:05:00Z")]
    [InlineData("15 */5 * * * *", "2026-12-01T09:05:15Z")]
    [InlineData("*/10 * * * * *", "2026-12-01T09:02:40Z")]
    [InlineData("0 0 9 * * *", "2026-12-02T09:00:00Z")]
    public void Parse_SixFieldNcrontab_ReadsTheFirstFieldAsSeconds(string schedule, string next) =>
        Assert.Equal(DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture), TimerSchedule.Parse(schedule).Next(At));

    [Theory]
    [InlineData("*/5 * * * *", "2026-12-01T09:05:00Z")]
    [InlineData("0 9 * * *", "2026-12-02T09:00:00Z")]
    [InlineData("30 9 1 12 *", "2026-12-01T09:30:00Z")]
    public void Parse_FiveFieldCron_ReadsTheFirstFieldAsMinutes(string schedule, string next) =>
        Assert.Equal(DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture), TimerSchedule.Parse(schedule).Next(At));

    [Theory]
    [InlineData("00:05:00", 5 * 60)]
    [InlineData("01:30:00", 90 * 60)]
    [InlineData("00:00:30", 30)]
    public void Parse_TimeSpan_IsAnIntervalFromTheLastRun(string schedule, int seconds) =>
        Assert.Equal(At + TimeSpan.FromSeconds(seconds), TimerSchedule.Parse(schedule).Next(At));

    [Fact]
    public void Next_OnAnOccurrence_IsTheFollowingOne() =>
        Assert.Equal(
            new DateTimeOffset(2026, 12, 1, 9, 10, 0, TimeSpan.Zero),
            TimerSchedule.Parse("0 */5 * * * *").Next(new DateTimeOffset(2026, 12, 1, 9, 5, 0, TimeSpan.Zero)));

    [Fact]
    public void Parse_NotASchedule_Throws() =>
        Assert.ThrowsAny<FormatException>(() => TimerSchedule.Parse("every five minutes"));
}
