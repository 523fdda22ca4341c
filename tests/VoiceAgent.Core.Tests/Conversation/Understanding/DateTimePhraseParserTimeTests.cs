using VoiceAgent.Core.Conversation.Understanding;

namespace VoiceAgent.Core.Tests.Conversation.Understanding;

public sealed class DateTimePhraseParserTimeTests
{
    [Theory]
    [InlineData("Friday at 2", "14:00", false)]
    [InlineData("at 9 am", "09:00", true)]
    [InlineData("2 pm", "14:00", true)]
    [InlineData("for tomorrow at 9 am", "09:00", true)]
    [InlineData("nine thirty", "09:30", false)]
    [InlineData("9:30", "09:30", false)]
    [InlineData("ok 9:30 then", "09:30", false)]
    [InlineData("at 930", "09:30", false)]
    [InlineData("930 am", "09:30", true)]
    [InlineData("around 3", "15:00", false)]
    [InlineData("noon", "12:00", true)]
    [InlineData("midday", "12:00", true)]
    [InlineData("12 noon", "12:00", true)]
    [InlineData("Monday at 8 then", "08:00", false)]
    [InlineData("Thursday at 3 in the afternoon", "15:00", true)]
    [InlineData("next Tuesday at 10 in the morning", "10:00", true)]
    [InlineData("December 7th at 1:30 pm", "13:30", true)]
    [InlineData("two o'clock", "14:00", false)]
    [InlineData("2 o'clock", "14:00", false)]
    [InlineData("quarter past ten", "10:15", false)]
    [InlineData("half past two", "14:30", false)]
    [InlineData("a quarter to 4", "15:45", false)]
    [InlineData("quarter til four", "15:45", false)]
    [InlineData("quarter after 11", "11:15", false)]
    [InlineData("ten after nine", "09:10", false)]
    [InlineData("at 11", "11:00", false)]
    [InlineData("at 12", "12:00", false)]
    [InlineData("at 7", "07:00", false)]
    [InlineData("at 6", "18:00", false)]
    [InlineData("at 1", "13:00", false)]
    [InlineData("at 14:30", "14:30", true)]
    [InlineData("1:30 p.m.", "13:30", true)]
    [InlineData("9 a.m.", "09:00", true)]
    [InlineData("9 a m", "09:00", true)]
    [InlineData("10am", "10:00", true)]
    [InlineData("3PM", "15:00", true)]
    [InlineData("11:30AM", "11:30", true)]
    [InlineData("at six in the morning", "06:00", true)]
    [InlineData("tomorrow morning at 10", "10:00", true)]
    [InlineData("3 this afternoon", "15:00", true)]
    [InlineData("at 7 in the evening", "19:00", true)]
    [InlineData("friday afternoon at 1", "13:00", true)]
    [InlineData("nine oh five", "09:05", false)]
    [InlineData("one forty five", "13:45", false)]
    [InlineData("ten fifteen", "10:15", false)]
    [InlineData("eleven", "11:00", false)]
    [InlineData("Friday 2pm", "14:00", true)]
    [InlineData("at 9 30", "09:30", false)]
    [InlineData("tomorrow 9", "09:00", false)]
    [InlineData("3ish", "15:00", false)]
    [InlineData("make it 11", "11:00", false)]
    [InlineData("change it to 3 pm", "15:00", true)]
    [InlineData("10 instead", "10:00", false)]
    [InlineData("can we do 4", "16:00", false)]
    [InlineData("how about 10", "10:00", false)]
    [InlineData("midnight", "00:00", true)]
    [InlineData("twenty five to three", "14:35", false)]
    [InlineData("ten to five", "16:50", false)]
    [InlineData("5 past 9", "09:05", false)]
    [InlineData("quarter of 8", "07:45", false)]
    [InlineData("seven forty-five", "07:45", false)]
    [InlineData("eight o'clock in the morning", "08:00", true)]
    [InlineData("tomorrow? at like 10?", "10:00", false)]
    [InlineData("Tomorrow. 10 AM.", "10:00", true)]
    [InlineData("at 0800", "08:00", false)]
    [InlineData("3 pm-ish", "15:00", true)]
    [InlineData("at noon tomorrow", "12:00", true)]
    public void Parse_TimePhrase_ResolvesClockTime(string utterance, string expected, bool meridiemExplicit)
    {
        var phrase = DateTimePhraseParser.Parse(utterance, ReferenceClock.Tuesday);

        Assert.NotNull(phrase);
        Assert.Equal(ReferenceClock.Time(expected), phrase.Time);
        Assert.Equal(meridiemExplicit, phrase.MeridiemExplicit);
    }

    [Theory]
    [InlineData("around 3")]
    [InlineData("about 10")]
    [InlineData("3ish")]
    [InlineData("3 or so")]
    [InlineData("roughly nine thirty")]
    public void Parse_ApproximateTime_IsApproximate(string utterance)
    {
        var phrase = DateTimePhraseParser.Parse(utterance, ReferenceClock.Tuesday);

        Assert.True(phrase?.IsApproximate);
    }

    [Theory]
    [InlineData("at 3")]
    [InlineData("how about 3")]
    [InlineData("3:00 pm")]
    public void Parse_ExactTime_IsNotApproximate(string utterance)
    {
        var phrase = DateTimePhraseParser.Parse(utterance, ReferenceClock.Tuesday);

        Assert.False(phrase?.IsApproximate);
    }

    [Theory]
    [InlineData("at 2", TimeRelation.At)]
    [InlineData("after 2", TimeRelation.NotBefore)]
    [InlineData("any time after 3 pm", TimeRelation.NotBefore)]
    [InlineData("not before 10", TimeRelation.NotBefore)]
    [InlineData("before 10", TimeRelation.NotAfter)]
    [InlineData("I need it back by 5", TimeRelation.NotAfter)]
    [InlineData("no later than 4", TimeRelation.NotAfter)]
    [InlineData("not after 3", TimeRelation.NotAfter)]
    public void Parse_BoundingWord_ReportsTimeRelation(string utterance, TimeRelation expected)
    {
        var phrase = DateTimePhraseParser.Parse(utterance, ReferenceClock.Tuesday);

        Assert.Equal(expected, phrase?.TimeRelation);
    }

    [Theory]
    [InlineData("tomorrow morning", DayPart.Morning)]
    [InlineData("this afternoon", DayPart.Afternoon)]
    [InlineData("tonight", DayPart.Evening)]
    [InlineData("Friday in the evening", DayPart.Evening)]
    [InlineData("first thing tomorrow", DayPart.Morning)]
    [InlineData("sometime in the afternoon", DayPart.Afternoon)]
    [InlineData("early morning", DayPart.Morning)]
    [InlineData("tomorrow night", DayPart.Evening)]
    public void Parse_PartOfDayWithoutClock_ReportsDayPartOnly(string utterance, DayPart expected)
    {
        var phrase = DateTimePhraseParser.Parse(utterance, ReferenceClock.Tuesday);

        Assert.NotNull(phrase);
        Assert.Equal(expected, phrase.DayPart);
        Assert.Null(phrase.Time);
        Assert.True(phrase.HasTime);
    }

    [Fact]
    public void Parse_TimeWithPartOfDay_ReportsBoth()
    {
        var phrase = DateTimePhraseParser.Parse("Thursday at 3 in the afternoon", ReferenceClock.Tuesday);

        Assert.Equal(DayPart.Afternoon, phrase?.DayPart);
    }

    [Fact]
    public void Parse_TimeWithoutPartOfDay_HasNoDayPart()
    {
        var phrase = DateTimePhraseParser.Parse("Friday at 2", ReferenceClock.Tuesday);

        Assert.Null(phrase?.DayPart);
    }

    [Theory]
    [InlineData(DayPart.Morning, "08:00", "12:00")]
    [InlineData(DayPart.Afternoon, "12:00", "17:00")]
    [InlineData(DayPart.Evening, "17:00", "21:00")]
    public void DayParts_Window_MatchesShopDay(DayPart part, string start, string end)
    {
        Assert.Equal((ReferenceClock.Time(start), ReferenceClock.Time(end)), (DayParts.Start(part), DayParts.End(part)));
    }
}
