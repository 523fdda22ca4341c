using VoiceAgent.Core.Conversation.Llm;

namespace VoiceAgent.Core.Tests.Conversation.Llm;

/// <summary>Streamed text cut into sentences as they complete, without cutting at abbreviations, times or prices.</summary>
public sealed class SentenceSplitterTests
{
    private const string Reply =
        "Sure. Dr. Patel can look at the brakes at 9 a.m. tomorrow. The inspection is $45.99, or $49.99 with an oil change! "
        + "Is 9 AM okay? Great. We're at 1200 North Ave. Springfield, e.g. by the bank.\nSee you then";

    [Theory]
    [InlineData("Dr. Patel will see your car. He is great.", new[] { "Dr. Patel will see your car.", "He is great." })]
    [InlineData("I can see you at 9 a.m. tomorrow. Does that work?", new[] { "I can see you at 9 a.m. tomorrow.", "Does that work?" })]
    [InlineData("That's $45.99. Shall I book it?", new[] { "That's $45.99.", "Shall I book it?" })]
    [InlineData("It comes to $45.99 with tax.", new[] { "It comes to $45.99 with tax." })]
    [InlineData("Is 9 AM okay? Great.", new[] { "Is 9 AM okay?", "Great." })]
    [InlineData("Done! 2 appointments are booked.", new[] { "Done!", "2 appointments are booked." })]
    [InlineData("It's at 9.30 today.", new[] { "It's at 9.30 today." })]
    [InlineData("ok. so that is fine.", new[] { "ok. so that is fine." })]
    [InlineData("  ", new string[0])]
    public void Split_Text_GivesItsSentences(string text, string[] expected) =>
        Assert.Equal(expected, SentenceSplitter.Split(text));

    [Fact]
    public void Add_StreamedInRandomChunks_GivesTheSameSentencesAsTheWholeText()
    {
        var whole = SentenceSplitter.Split(Reply);
        Assert.True(whole.Count > 5, string.Join(" | ", whole));

        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var splitter = new SentenceSplitter();
            var streamed = new List<string>();
            for (var at = 0; at < Reply.Length;)
            {
                var size = Math.Min(random.Next(1, 12), Reply.Length - at);
                streamed.AddRange(splitter.Add(Reply.Substring(at, size)));
                at += size;
            }

            if (splitter.Flush() is { } rest)
            {
                streamed.Add(rest);
            }

            Assert.Equal(whole, streamed);
        }
    }

    [Fact]
    public void Add_SentenceIsGivenOnceTheNextOneStarts()
    {
        var splitter = new SentenceSplitter();

        var beforeNext = splitter.Add("You're booked. ");
        var onNext = splitter.Add("W");

        Assert.Empty(beforeNext);
        Assert.Equal(["You're booked."], onNext);
        Assert.Equal("W", splitter.Flush());
    }

    [Fact]
    public void Flush_NothingPending_IsNull()
    {
        var splitter = new SentenceSplitter();
        splitter.Add("Hi. There ");
        splitter.Flush();

        Assert.Null(splitter.Flush());
    }
}
