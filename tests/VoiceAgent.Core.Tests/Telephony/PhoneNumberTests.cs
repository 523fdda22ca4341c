using VoiceAgent.Core.Telephony;

namespace VoiceAgent.Core.Tests.Telephony;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+15555550101", "+15555550101")]
    [InlineData("(555) 555-0101", "+15555550101")]
    [InlineData("555.555.0101", "+15555550101")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    public void TryParse_CommonForms_NormalisesToE164(string raw, string expected)
    {
        Assert.True(PhoneNumber.TryParse(raw, "US", out var number));
        Assert.Equal(expected, number.E164);
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("12")]
    public void TryParse_NotANumber_ReturnsFalse(string? raw)
    {
        Assert.False(PhoneNumber.TryParse(raw, "US", out _));
    }

    [Fact]
    public void Masked_HidesTheMiddleDigits()
    {
        Assert.Equal("+1********01", PhoneNumber.Parse("+15555550101").Masked);
    }
}
