using VoiceAgent.Core.Conversation.Understanding;

namespace VoiceAgent.Core.Tests.Conversation.Understanding;

public sealed class DateTimePhraseParserNegativeTests
{
    [Theory]
    [InlineData("my PIN is 4 3 2 1")]
    [InlineData("4 3 2 1")]
    [InlineData("4321")]
    [InlineData("one two three four")]
    [InlineData("It's a 2019 Honda Civic")]
    [InlineData("I drive a 2021 Toyota RAV4")]
    [InlineData("The oil change costs $49.99")]
    [InlineData("is it 49.99")]
    [InlineData("call me back on 555-0101")]
    [InlineData("my number is 555 555 0101")]
    [InlineData("+1 555 555 0101")]
    [InlineData("5 5 5 5 5 5 0 1 0 1")]
    [InlineData("I'm at 1200 North Ave")]
    [InlineData("I have 2 cars")]
    [InlineData("I need 4 tires rotated")]
    [InlineData("2 oil changes please")]
    [InlineData("the car has 85000 miles")]
    [InlineData("my vin is 1HGCM82633A004352")]
    [InlineData("Good morning, I need an oil change")]
    [InlineData("Can I get the first available appointment")]
    [InlineData("I need my 2nd car looked at")]
    [InlineData("May I book an oil change?")]
    [InlineData("Can I just talk to a real person please?")]
    [InlineData("I need to cancel my appointment")]
    [InlineData("Great, that's all, thanks. Bye")]
    [InlineData("yes")]
    [InlineData("")]
    public void Parse_NoDateOrTime_ReturnsNull(string utterance)
    {
        Assert.Null(DateTimePhraseParser.Parse(utterance, ReferenceClock.Tuesday));
    }

    [Theory]
    [InlineData("not Friday, Monday", "2026-12-07")]
    [InlineData("Monday, not Friday", "2026-12-07")]
    [InlineData("I can't do Friday, how about Monday", "2026-12-07")]
    [InlineData("Thursday instead of Friday", "2026-12-03")]
    [InlineData("move it from Wednesday to Thursday", "2026-12-03")]
    [InlineData("No not Thursday Friday", "2026-12-04")]
    public void Parse_DateRuledOut_KeepsTheOtherDate(string utterance, string expected)
    {
        var phrase = DateTimePhraseParser.Parse(utterance, ReferenceClock.Tuesday);

        Assert.Equal(ReferenceClock.Date(expected), phrase?.Date);
    }

    [Theory]
    [InlineData("not at 10, at 11", "11:00")]
    [InlineData("not 10, 11", "11:00")]
    [InlineData("11 rather than 10", "11:00")]
    [InlineData("I said two not ten", "14:00")]
    public void Parse_TimeRuledOut_KeepsTheOtherTime(string utterance, string expected)
    {
        var phrase = DateTimePhraseParser.Parse(utterance, ReferenceClock.Tuesday);

        Assert.Equal(ReferenceClock.Time(expected), phrase?.Time);
    }

    [Fact]
    public void Parse_OnlyRuledOutDate_ReturnsNull()
    {
        Assert.Null(DateTimePhraseParser.Parse("not Friday", ReferenceClock.Tuesday));
    }
}
