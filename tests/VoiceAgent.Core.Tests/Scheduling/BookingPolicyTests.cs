using VoiceAgent.Core.Scheduling;

namespace VoiceAgent.Core.Tests.Scheduling;

public sealed class BookingPolicyTests
{
    [Fact]
    public void Default_MatchesTheDemoShopRules()
    {
        var policy = BookingPolicy.Default;

        Assert.Equal(30, policy.SlotGridMinutes);
        Assert.Equal(TimeSpan.FromHours(1), policy.MinimumLeadTime);
        Assert.Equal(TimeSpan.FromDays(60), policy.BookingHorizon);
        Assert.True(policy.MustEndByClosing);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-30)]
    [InlineData(24 * 60 + 1)]
    public void Validate_GridOutOfRange_Throws(int grid)
    {
        var policy = BookingPolicy.Default with { SlotGridMinutes = grid };

        Assert.Throws<ArgumentOutOfRangeException>(policy.Validate);
    }

    [Fact]
    public void Validate_NegativeLeadTime_Throws()
    {
        var policy = BookingPolicy.Default with { MinimumLeadTime = TimeSpan.FromMinutes(-1) };

        Assert.Throws<ArgumentOutOfRangeException>(policy.Validate);
    }

    [Fact]
    public void Validate_ZeroHorizon_Throws()
    {
        var policy = BookingPolicy.Default with { BookingHorizon = TimeSpan.Zero };

        Assert.Throws<ArgumentOutOfRangeException>(policy.Validate);
    }

    [Fact]
    public void Constructor_InvalidPolicy_Throws()
    {
        var policy = BookingPolicy.Default with { SlotGridMinutes = 0 };

        Assert.Throws<ArgumentOutOfRangeException>(() => new AvailabilityCalculator(VoiceAgent.Core.Tenants.DemoTenant.Profile, policy));
    }

    [Fact]
    public void FreeSlotsOn_FifteenMinuteGrid_OffersQuarterHours()
    {
        var calculator = new AvailabilityCalculator(VoiceAgent.Core.Tenants.DemoTenant.Profile, BookingPolicy.Default with { SlotGridMinutes = 15 });
        var query = new AvailabilityQuery(VoiceAgent.Core.Tenants.DemoTenant.Profile.Services[0], SchedulingFixture.Local(2026, 11, 30, 6));

        var slots = calculator.FreeSlotsOn(query, new DateOnly(2026, 12, 1));

        Assert.Equal(35, slots.Count); // 08:00 … 16:30 every 15 minutes
    }
}
