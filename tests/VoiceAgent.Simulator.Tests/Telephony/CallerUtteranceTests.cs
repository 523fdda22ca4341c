using VoiceAgent.CallSimulator.Telephony;

namespace VoiceAgent.Simulator.Tests.Telephony;

public sealed class CallerUtteranceTests
{
    [Theory]
    [InlineData("4 3 2 1", "4321")]
    [InlineData("4321", "4321")]
    [InlineData(" 7 ", "7")]
    public void FromLine_DigitsOnly_SendsSpeechAndDigits(string line, string digits)
    {
        var heard = CallerUtterance.FromLine(line);

        Assert.Equal((line.Trim(), digits), (heard.Speech, heard.Digits));
    }

    [Theory]
    [InlineData("my pin is 4321")]
    [InlineData("9:30")]
    public void FromLine_WordsAndDigits_SendsSpeechOnly(string line) =>
        Assert.Null(CallerUtterance.FromLine(line).Digits);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void FromLine_Blank_IsSilence(string? line) =>
        Assert.True(CallerUtterance.FromLine(line).IsSilence);
}
