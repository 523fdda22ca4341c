using VoiceAgent.Core.Conversation.Understanding;

namespace VoiceAgent.Core.Tests.Conversation.Understanding;

/// <summary>Every caller line of the shared scenarios (../shared/scenarios), parsed with that scenario's clock.</summary>
public sealed class DateTimePhraseParserScenarioTests
{
    [Theory]
    [InlineData("tue", "Hi, I'd like to book an oil change for tomorrow at 9 am", "2026-12-02", "09:00")]
    [InlineData("tue", "Hi, this is Dana Lee. Can I get a brake inspection on Friday at 2 pm?", "2026-12-04", "14:00")]
    [InlineData("tue", "Can I move my oil change to Thursday at 3 in the afternoon?", "2026-12-03", "15:00")]
    [InlineData("tue", "Oil change tomorrow at 9 please", "2026-12-02", "09:00")]
    [InlineData("fri", "Monday at 8 then", "2026-12-07", "08:00")]
    public void Parse_ScenarioLineWithDateAndTime_ResolvesBoth(string clock, string utterance, string date, string time)
    {
        var phrase = DateTimePhraseParser.Parse(utterance, ReferenceClock.Named(clock));

        Assert.NotNull(phrase);
        Assert.Equal(ReferenceClock.Date(date).ToDateTime(ReferenceClock.Time(time)), phrase.ToLocalStart());
    }

    [Fact]
    public void Parse_ScenarioOkNineThirtyThen_GivesTimeOnly()
    {
        var phrase = DateTimePhraseParser.Parse("ok 9:30 then", ReferenceClock.Tuesday);

        Assert.Equal((null, new TimeOnly(9, 30)), (phrase?.Date, phrase?.Time));
    }

    [Theory]
    [InlineData("fri", "Can I get a tire rotation this Sunday?", "2026-12-06")]
    [InlineData("tue", "What time do you close on Saturday?", "2026-12-05")]
    public void Parse_ScenarioLineWithDateOnly_GivesDateWithoutTime(string clock, string utterance, string date)
    {
        var phrase = DateTimePhraseParser.Parse(utterance, ReferenceClock.Named(clock));

        Assert.Equal((ReferenceClock.Date(date), (TimeOnly?)null), (phrase?.Date, phrase?.Time));
    }

    [Theory]
    [InlineData("Hi, I'd like to book an oil change for tomorrow at 9 am", "tomorrow at 9 am")]
    [InlineData("Can I move my oil change to Thursday at 3 in the afternoon?", "Thursday at 3 in the afternoon")]
    [InlineData("December 7th at 1:30 PM.", "December 7th at 1:30 PM")]
    [InlineData("ok 9:30 then", "9:30")]
    [InlineData("at 9 am tomorrow, please", "9 am tomorrow")]
    [InlineData("Could you do a quarter to 4?", "a quarter to 4")]
    public void Parse_Utterance_ReportsMatchedTextFromOriginal(string utterance, string expected)
    {
        var phrase = DateTimePhraseParser.Parse(utterance, ReferenceClock.Tuesday);

        Assert.NotNull(phrase);
        Assert.Equal(expected, phrase.MatchedText);
        Assert.Equal(utterance.IndexOf(expected, StringComparison.Ordinal), phrase.Start);
    }

    [Fact]
    public void Parse_OffsetAndTimeZoneNearMidnight_UsesShopLocalDate()
    {
        // 05:30 UTC on Dec 2 is 23:30 on Dec 1 in Chicago: "tomorrow" is Dec 2.
        var now = new DateTimeOffset(2026, 12, 2, 5, 30, 0, TimeSpan.Zero);

        var phrase = DateTimePhraseParser.Parse("tomorrow", now, ReferenceClock.Chicago);

        Assert.Equal(new DateOnly(2026, 12, 2), phrase?.Date);
    }

    [Fact]
    public void ToDateTimeOffset_WinterDate_UsesCentralStandardOffset()
    {
        var phrase = DateTimePhraseParser.Parse("tomorrow at 9 am", ReferenceClock.Tuesday);

        Assert.Equal(DateTimeOffset.Parse("2026-12-02T09:00:00-06:00", System.Globalization.CultureInfo.InvariantCulture), phrase?.ToDateTimeOffset(ReferenceClock.Chicago));
    }

    [Fact]
    public void ToDateTimeOffset_SpringForwardGap_MovesPastTheGap()
    {
        var phrase = DateTimePhraseParser.Parse("March 14th at 2:30 am", ReferenceClock.Tuesday);

        Assert.Equal(DateTimeOffset.Parse("2027-03-14T03:30:00-05:00", System.Globalization.CultureInfo.InvariantCulture), phrase?.ToDateTimeOffset(ReferenceClock.Chicago));
    }

    [Fact]
    public void ToDateTimeOffset_FallBackRepeat_TakesFirstOccurrence()
    {
        var phrase = DateTimePhraseParser.Parse("November 1st at 1:30 am", new DateTime(2026, 10, 20, 9, 0, 0));

        Assert.Equal(DateTimeOffset.Parse("2026-11-01T01:30:00-05:00", System.Globalization.CultureInfo.InvariantCulture), phrase?.ToDateTimeOffset(ReferenceClock.Chicago));
    }

    [Fact]
    public void ToDateTimeOffset_DateWithoutTime_ReturnsNull()
    {
        var phrase = DateTimePhraseParser.Parse("tomorrow morning", ReferenceClock.Tuesday);

        Assert.Null(phrase?.ToDateTimeOffset(ReferenceClock.Chicago));
    }
}
