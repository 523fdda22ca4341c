using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Tests.Tenants;

public sealed class TenantProfileTests
{
    [Theory]
    [InlineData("2026-12-01T09:15:00-06:00", true)]  // Tuesday morning
    [InlineData("2026-12-01T08:00:00-06:00", true)]  // opening time
    [InlineData("2026-12-01T07:59:00-06:00", false)]
    [InlineData("2026-12-01T17:00:00-06:00", false)] // closing time
    [InlineData("2026-12-01T19:30:00-06:00", false)] // evening
    [InlineData("2026-12-01T20:30:00-05:00", false)] // 19:30 Chicago, given in another offset
    [InlineData("2026-12-05T12:59:00-06:00", true)]  // Saturday
    [InlineData("2026-12-05T13:00:00-06:00", false)]
    [InlineData("2026-12-06T11:00:00-06:00", false)] // Sunday
    [InlineData("2026-12-25T10:00:00-06:00", false)] // Christmas
    [InlineData("2026-12-01T15:30:00Z", true)]       // 09:30 Chicago
    [InlineData("2026-03-09T08:30:00-05:00", true)]  // Monday after spring forward (CDT)
    public void IsOpenAt_Instant_ReadsTheTenantsHoursInItsTimeZone(string instant, bool expected)
    {
        Assert.Equal(expected, DemoTenant.Profile.IsOpenAt(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
