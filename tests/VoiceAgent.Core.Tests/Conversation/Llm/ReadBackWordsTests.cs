using VoiceAgent.Core.Conversation.Llm;

namespace VoiceAgent.Core.Tests.Conversation.Llm;

/// <summary>The hour a read-back must say, in digits or words, found as a whole word however the rest is phrased.</summary>
public sealed class ReadBackWordsTests
{
    [Theory]
    [InlineData(9, 0, "9|nine")]
    [InlineData(9, 30, "9|nine")]
    [InlineData(13, 0, "1|one")]
    [InlineData(0, 0, "12|twelve")]
    [InlineData(12, 0, "12|twelve|noon")]
    [InlineData(12, 30, "12|twelve")]
    public void Hour_SaysTheHourOnTheTwelveHourClock(int hour, int minute, string expected) =>
        Assert.Equal(expected, ReadBackWords.Hour(new TimeOnly(hour, minute)));

    [Theory]
    [InlineData("at 9 AM", true)]
    [InlineData("at 9:30 tomorrow", true)]
    [InlineData("Nine o'clock it is.", true)]
    [InlineData("at 19:00", false)]
    [InlineData("that's ninety dollars", false)]
    [InlineData("1200 North Ave, 49.99", false)]
    [InlineData("", false)]
    public void IsSaid_FindsTheHourAsAWholeWord(string spoken, bool said) =>
        Assert.Equal(said, ReadBackWords.IsSaid(ReadBackWords.Hour(new TimeOnly(9, 0)), spoken));

    [Fact]
    public void IsSaid_Noon_CountsAsTwelve() =>
        Assert.True(ReadBackWords.IsSaid(ReadBackWords.Hour(new TimeOnly(12, 0)), "Shall I book it for noon?"));

    [Fact]
    public void IsSaid_EveryHourOfTheDay_IsFoundInItsOwnSpokenForm()
    {
        for (var hour = 0; hour < 24; hour++)
        {
            var time = new TimeOnly(hour, 30);
            var spoken = $"Shall I book it for {Core.Conversation.Offline.HoursSpeech.Time(time)}?";

            Assert.True(ReadBackWords.IsSaid(ReadBackWords.Hour(time), spoken), spoken);
        }
    }
}
