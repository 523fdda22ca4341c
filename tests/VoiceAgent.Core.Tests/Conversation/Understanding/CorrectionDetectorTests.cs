using VoiceAgent.Core.Conversation.Understanding;

namespace VoiceAgent.Core.Tests.Conversation.Understanding;

public sealed class CorrectionDetectorTests
{
    [Theory]
    [InlineData("actually make it 11", "11:00")]
    [InlineData("no, 10:30 instead", "10:30")]
    [InlineData("change it to 3 pm", "15:00")]
    [InlineData("Sorry, I meant 10", "10:00")]
    [InlineData("wait, can we do 2 instead", "14:00")]
    [InlineData("make that quarter past ten", "10:15")]
    public void Detect_TimeCorrection_CorrectsTimeOnly(string utterance, string time)
    {
        var correction = CorrectionDetector.Detect(utterance, ReferenceClock.Tuesday);

        Assert.True(correction.IsCorrection);
        Assert.Equal(CorrectedParts.Time, correction.Parts);
        Assert.Equal(ReferenceClock.Time(time), correction.Phrase?.Time);
    }

    [Theory]
    [InlineData("make that Thursday", "2026-12-03")]
    [InlineData("Thursday instead", "2026-12-03")]
    [InlineData("not Friday, Monday", "2026-12-07")]
    [InlineData("how about Thursday", "2026-12-03")]
    [InlineData("actually, change it to the 28th", "2026-12-28")]
    public void Detect_DateCorrection_CorrectsDateOnly(string utterance, string date)
    {
        var correction = CorrectionDetector.Detect(utterance, ReferenceClock.Tuesday);

        Assert.True(correction.IsCorrection);
        Assert.Equal(CorrectedParts.Date, correction.Parts);
        Assert.Equal(ReferenceClock.Date(date), correction.Phrase?.Date);
    }

    [Fact]
    public void Detect_DateAndTimeCorrection_CorrectsBoth()
    {
        var correction = CorrectionDetector.Detect("actually, can we do Friday at 2 instead", ReferenceClock.Tuesday);

        Assert.Equal(CorrectedParts.Date | CorrectedParts.Time, correction.Parts);
    }

    [Fact]
    public void Detect_CueWithoutNewValue_IsCorrectionOfNothingYet()
    {
        var correction = CorrectionDetector.Detect("actually, wait", ReferenceClock.Tuesday);

        Assert.Equal((true, CorrectedParts.None, "actually"), (correction.IsCorrection, correction.Parts, correction.Cue));
    }

    [Theory]
    [InlineData("no")]
    [InlineData("yes")]
    [InlineData("tomorrow at 9 am")]
    [InlineData("ok 9:30 then")]
    [InlineData("I need to cancel my appointment")]
    [InlineData("")]
    public void Detect_NoCorrectionCue_IsNotACorrection(string utterance)
    {
        Assert.False(CorrectionDetector.Detect(utterance, ReferenceClock.Tuesday).IsCorrection);
    }

    [Fact]
    public void Detect_OffsetAndTimeZone_ResolvesInShopTime()
    {
        var now = new DateTimeOffset(2026, 12, 2, 5, 30, 0, TimeSpan.Zero);

        var correction = CorrectionDetector.Detect("actually make it tomorrow", now, ReferenceClock.Chicago);

        Assert.Equal(new DateOnly(2026, 12, 2), correction.Phrase?.Date);
    }
}
