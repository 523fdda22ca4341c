using VoiceAgent.Core.Conversation.Understanding;

namespace VoiceAgent.Core.Tests.Conversation.Understanding;

public sealed class DateTimePhraseParserDateTests
{
    [Theory]
    [InlineData("tomorrow", "2026-12-02", DateKind.Tomorrow)]
    [InlineData("today", "2026-12-01", DateKind.Today)]
    [InlineData("tomorrow morning", "2026-12-02", DateKind.Tomorrow)]
    [InlineData("this afternoon", "2026-12-01", DateKind.Today)]
    [InlineData("tonight", "2026-12-01", DateKind.Today)]
    [InlineData("the day after tomorrow", "2026-12-03", DateKind.DayAfterTomorrow)]
    [InlineData("for tomorrow at 9 am", "2026-12-02", DateKind.Tomorrow)]
    [InlineData("Friday at 2", "2026-12-04", DateKind.Weekday)]
    [InlineData("on Friday", "2026-12-04", DateKind.Weekday)]
    [InlineData("this Sunday", "2026-12-06", DateKind.Weekday)]
    [InlineData("this coming Saturday", "2026-12-05", DateKind.Weekday)]
    [InlineData("Thursday at 3 in the afternoon", "2026-12-03", DateKind.Weekday)]
    [InlineData("next Tuesday at 10 in the morning", "2026-12-08", DateKind.NextWeekday)]
    [InlineData("next Friday", "2026-12-11", DateKind.NextWeekday)]
    [InlineData("next week Monday", "2026-12-07", DateKind.NextWeekday)]
    [InlineData("next week on Wednesday", "2026-12-09", DateKind.NextWeekday)]
    [InlineData("Monday next week", "2026-12-07", DateKind.NextWeekday)]
    [InlineData("last Friday", "2026-11-27", DateKind.LastWeekday)]
    [InlineData("December 7th at 1:30 pm", "2026-12-07", DateKind.MonthDay)]
    [InlineData("Dec 7", "2026-12-07", DateKind.MonthDay)]
    [InlineData("Dec. 7", "2026-12-07", DateKind.MonthDay)]
    [InlineData("the 7th of December", "2026-12-07", DateKind.MonthDay)]
    [InlineData("7th December", "2026-12-07", DateKind.MonthDay)]
    [InlineData("December the seventh", "2026-12-07", DateKind.MonthDay)]
    [InlineData("December twenty-eighth", "2026-12-28", DateKind.MonthDay)]
    [InlineData("december 7, 2026", "2026-12-07", DateKind.MonthDay)]
    [InlineData("January 3rd", "2027-01-03", DateKind.MonthDay)]
    [InlineData("November 30", "2027-11-30", DateKind.MonthDay)]
    [InlineData("the 28th", "2026-12-28", DateKind.DayOfMonth)]
    [InlineData("on the 3rd", "2026-12-03", DateKind.DayOfMonth)]
    [InlineData("the twenty eighth", "2026-12-28", DateKind.DayOfMonth)]
    [InlineData("the 1st", "2026-12-01", DateKind.DayOfMonth)]
    [InlineData("the 31st", "2026-12-31", DateKind.DayOfMonth)]
    [InlineData("the 28th at 10", "2026-12-28", DateKind.DayOfMonth)]
    [InlineData("Friday the 11th", "2026-12-11", DateKind.DayOfMonth)]
    [InlineData("Saturday the fifth at nine", "2026-12-05", DateKind.DayOfMonth)]
    [InlineData("Friday, December 4th", "2026-12-04", DateKind.MonthDay)]
    [InlineData("Friday 12/4 at 2", "2026-12-04", DateKind.Numeric)]
    [InlineData("12/7", "2026-12-07", DateKind.Numeric)]
    [InlineData("1/3", "2027-01-03", DateKind.Numeric)]
    [InlineData("12/7/2026", "2026-12-07", DateKind.Numeric)]
    [InlineData("in two days", "2026-12-03", DateKind.Relative)]
    [InlineData("in 3 days", "2026-12-04", DateKind.Relative)]
    [InlineData("in a week", "2026-12-08", DateKind.Relative)]
    [InlineData("a week from Friday", "2026-12-11", DateKind.Relative)]
    [InlineData("two days from now", "2026-12-03", DateKind.Relative)]
    public void Parse_DatePhraseOnTuesday_ResolvesDate(string utterance, string expected, DateKind kind)
    {
        var phrase = DateTimePhraseParser.Parse(utterance, ReferenceClock.Tuesday);

        Assert.NotNull(phrase);
        Assert.Equal(ReferenceClock.Date(expected), phrase.Date);
        Assert.Equal(kind, phrase.DateKind);
    }

    [Theory]
    [InlineData("Tuesday", "2026-12-01")]
    [InlineData("this Tuesday", "2026-12-01")]
    [InlineData("Wednesday", "2026-12-02")]
    [InlineData("Monday", "2026-12-07")]
    [InlineData("next Wednesday", "2026-12-09")]
    [InlineData("next Sunday", "2026-12-13")]
    public void Parse_WeekdayOnTuesday_UsesTodayInclusiveAndNextCalendarWeekRules(string utterance, string expected)
    {
        var phrase = DateTimePhraseParser.Parse(utterance, ReferenceClock.Tuesday);

        Assert.Equal(ReferenceClock.Date(expected), phrase?.Date);
    }

    [Theory]
    [InlineData("Friday", "2026-12-04")]
    [InlineData("next Friday", "2026-12-11")]
    [InlineData("this Sunday", "2026-12-06")]
    [InlineData("Monday at 8 then", "2026-12-07")]
    [InlineData("next Monday", "2026-12-07")]
    [InlineData("tomorrow", "2026-12-05")]
    [InlineData("the 4th", "2026-12-04")]
    [InlineData("the 3rd", "2027-01-03")]
    public void Parse_DatePhraseOnFriday_ResolvesDate(string utterance, string expected)
    {
        var phrase = DateTimePhraseParser.Parse(utterance, ReferenceClock.Friday);

        Assert.Equal(ReferenceClock.Date(expected), phrase?.Date);
    }

    [Theory]
    [InlineData("tomorrow", "2026-12-31")]
    [InlineData("tomorrow at 9 am", "2026-12-31")]
    [InlineData("January 3rd", "2027-01-03")]
    [InlineData("Jan 3", "2027-01-03")]
    [InlineData("the 2nd", "2027-01-02")]
    [InlineData("Friday", "2027-01-01")]
    [InlineData("next Monday", "2027-01-04")]
    [InlineData("in two days", "2027-01-01")]
    [InlineData("the day after tomorrow", "2027-01-01")]
    [InlineData("12/7", "2027-12-07")]
    [InlineData("Dec 30", "2026-12-30")]
    [InlineData("Dec 29", "2027-12-29")]
    [InlineData("January 3rd 2027", "2027-01-03")]
    public void Parse_DatePhraseAtYearEnd_RollsIntoNextYear(string utterance, string expected)
    {
        var phrase = DateTimePhraseParser.Parse(utterance, ReferenceClock.YearEnd);

        Assert.Equal(ReferenceClock.Date(expected), phrase?.Date);
    }

    [Theory]
    [InlineData("February 30")]
    [InlineData("the 32nd")]
    [InlineData("13/13")]
    public void Parse_ImpossibleDate_ReturnsNoDate(string utterance)
    {
        var phrase = DateTimePhraseParser.Parse(utterance, ReferenceClock.Tuesday);

        Assert.Null(phrase?.Date);
    }

    [Fact]
    public void Parse_TwentyNinthOfFebruaryOutsideLeapYear_FindsNextLeapYear()
    {
        var phrase = DateTimePhraseParser.Parse("February 29th", ReferenceClock.Tuesday);

        Assert.Equal(new DateOnly(2028, 2, 29), phrase?.Date);
    }

    [Fact]
    public void Parse_ThirtyFirstInShortMonth_SkipsToNextMonthWithIt()
    {
        var phrase = DateTimePhraseParser.Parse("the 31st", new DateTime(2027, 4, 2, 10, 0, 0));

        Assert.Equal(new DateOnly(2027, 5, 31), phrase?.Date);
    }

    [Fact]
    public void Parse_TimeOnly_LeavesDateEmpty()
    {
        var phrase = DateTimePhraseParser.Parse("at 9 am", ReferenceClock.Tuesday);

        Assert.NotNull(phrase);
        Assert.Null(phrase.Date);
        Assert.Equal(DateKind.None, phrase.DateKind);
    }
}
