using Microsoft.ML.Tokenizers;
using VoiceAgent.Core.Conversation.Llm;

namespace VoiceAgent.Core.Tests.Conversation.Llm;

/// <summary>Tokens counted by the model's own tokenizer when it has one, estimated on the long side when not.</summary>
public sealed class TokenCounterTests
{
    private const string Sample = "Just to confirm: an oil change for your 2019 Honda Civic tomorrow, Wednesday, December 2nd at 9 AM. Shall I book it? Ça coûte $49.99.";

    [Theory]
    [InlineData("gpt-4o-mini")]
    [InlineData("gpt-4o")]
    public void For_OpenAiModel_CountsExactlyAsTiktoken(string model)
    {
        var counter = TokenCounter.For(model);

        Assert.True(counter.IsExact);
        Assert.Equal(TiktokenTokenizer.CreateForModel(model).CountTokens(Sample), counter.Count(Sample));
    }

    [Fact]
    public void For_Gpt4oMini_UsesTheO200kEncodingNotCl100k()
    {
        var o200k = TiktokenTokenizer.CreateForEncoding("o200k_base").CountTokens(Sample);
        var cl100k = TiktokenTokenizer.CreateForEncoding("cl100k_base").CountTokens(Sample);
        Assert.NotEqual(o200k, cl100k); // the sample tells the encodings apart

        Assert.Equal(o200k, TokenCounter.For("gpt-4o-mini").Count(Sample));
    }

    [Theory]
    [InlineData("llama3.1")]
    [InlineData("qwen2.5:7b")]
    [InlineData("my-azure-deployment")]
    public void For_UnknownModel_EstimatesFourCharactersATokenRoundedUp(string model)
    {
        var counter = TokenCounter.For(model);

        Assert.False(counter.IsExact);
        Assert.Equal((1, 1, 2, 2), (counter.Count("a"), counter.Count("abcd"), counter.Count("abcde"), counter.Count("abcdefgh")));
        Assert.Equal((Sample.Length + 3) / 4, counter.Count(Sample));
    }

    [Fact]
    public void Count_NullOrEmpty_IsZero()
    {
        var counter = TokenCounter.For("gpt-4o-mini");

        Assert.Equal((0, 0), (counter.Count((string?)null), counter.Count(string.Empty)));
    }

    [Fact]
    public void Count_Entry_AddsTheMessageOverheadToEveryPart()
    {
        var counter = TokenCounter.For("gpt-4o-mini");
        var call = new ToolCallEntry("call_1", "check_availability", "{\"service\":\"oil change\",\"date\":\"2026-12-02\"}");
        var entry = new HistoryEntry { Role = HistoryEntry.Assistant, Text = Sample, Calls = [call, call] };

        var expected = TokenCounter.PerMessage + counter.Count(Sample) + (2 * (counter.Count(call.Name) + counter.Count(call.Arguments) + TokenCounter.PerMessage));
        Assert.Equal(expected, counter.Count(entry));
        Assert.Equal(TokenCounter.PerMessage + counter.Count("{\"status\":\"Free\"}"), counter.Count(new HistoryEntry { Role = HistoryEntry.Tool, CallId = "call_1", Result = "{\"status\":\"Free\"}" }));
    }

    [Fact]
    public void Count_Estimate_IsNotBelowTheRealCountForEnglish()
    {
        const string english = "Thanks for calling. We have a free time tomorrow morning, would you like me to book your oil change then?";
        var exact = TokenCounter.For("gpt-4o-mini").Count(english);

        Assert.True(TokenCounter.For("llama3.1").Count(english) >= exact, $"estimate {TokenCounter.For("llama3.1").Count(english)}, exact {exact}");
    }
}
