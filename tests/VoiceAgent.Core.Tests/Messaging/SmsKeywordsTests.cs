using VoiceAgent.Core.Messaging;

namespace VoiceAgent.Core.Tests.Messaging;

public sealed class SmsKeywordsTests
{
    [Theory]
    [InlineData("STOP")]
    [InlineData("stop")]
    [InlineData("  Stop. ")]
    [InlineData("STOPALL")]
    [InlineData("unsubscribe")]
    [InlineData("Cancel")]
    [InlineData("END")]
    [InlineData("quit!")]
    [InlineData("OPTOUT")]
    [InlineData("revoke")]
    public void Classify_TwiliosOptOutKeywords_OptOut(string body) => Assert.Equal(SmsKeyword.OptOut, SmsKeywords.Classify(body));

    [Theory]
    [InlineData("START")]
    [InlineData("yes")]
    [InlineData("Unstop")]
    public void Classify_TwiliosOptInKeywords_OptIn(string body) => Assert.Equal(SmsKeyword.OptIn, SmsKeywords.Classify(body));

    [Theory]
    [InlineData("HELP")]
    [InlineData("info?")]
    public void Classify_HelpKeywords_Help(string body) => Assert.Equal(SmsKeyword.Help, SmsKeywords.Classify(body));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("please stop texting me")]
    [InlineData("yes I'll be there")]
    [InlineData("stopp")]
    public void Classify_AnythingButAWholeKeyword_None(string? body) => Assert.Equal(SmsKeyword.None, SmsKeywords.Classify(body));
}
