using VoiceAgent.CallSimulator.Cli;
using VoiceAgent.TwilioApiStandIn.Voice;

namespace VoiceAgent.Simulator.Tests.Cli;

public sealed class RingReplyTests
{
    [Theory]
    [InlineData("y", PhonePickup.Person)]
    [InlineData(" Yes ", PhonePickup.Person)]
    [InlineData("n", PhonePickup.Nobody)]
    [InlineData("no", PhonePickup.Nobody)]
    [InlineData("v", PhonePickup.Machine)]
    [InlineData("voicemail", PhonePickup.Machine)]
    [InlineData("b", PhonePickup.Busy)]
    public void TryParse_Reply_PicksUpAsSaid(string line, PhonePickup by)
    {
        Assert.True(RingReply.TryParse(line, out var answer));

        Assert.Equal(by, answer.By);
    }

    [Theory]
    [InlineData("hello?")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_AnythingElse_IsNoReply(string? line) =>
        Assert.False(RingReply.TryParse(line, out _));
}
