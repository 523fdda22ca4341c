using VoiceAgent.Core.Conversation.Llm;

namespace VoiceAgent.Core.Tests.Conversation.Llm;

/// <summary>Model text made fit to speak: no markdown marks, list markers or headings, one line.</summary>
public sealed class SpokenTextTests
{
    [Theory]
    [InlineData("**Great!** You're booked.", "Great! You're booked.")]
    [InlineData("That's *tomorrow* at __9 AM__.", "That's tomorrow at 9 AM.")]
    [InlineData("## Our hours\nWe're open 8 AM to 5 PM.", "Our hours We're open 8 AM to 5 PM.")]
    [InlineData("I have:\n- 9 AM\n- 9:30 AM\n* 10 AM", "I have: 9 AM 9:30 AM 10 AM")]
    [InlineData("Options:\n1. Oil change\n2) Tire rotation", "Options: Oil change Tire rotation")]
    [InlineData("• one\n• two", "one two")]
    [InlineData("Use `code` here", "Use code here")]
    [InlineData("  spaced   out \n\n  text  ", "spaced out text")]
    public void Clean_Markdown_IsRemoved(string text, string expected) =>
        Assert.Equal(expected, SpokenText.Clean(text));

    [Theory]
    [InlineData("An oil change costs $49.99, drop-off at 8:30 AM.")]
    [InlineData("Is 9 AM okay? Great.")]
    [InlineData("We're at 1200 North Ave, Springfield.")]
    public void Clean_PlainSpeech_IsUnchanged(string text) =>
        Assert.Equal(text, SpokenText.Clean(text));

    [Fact]
    public void Clean_AnyMarkdownReply_LeavesNoMarkdownMarks()
    {
        var reply = "# Booking\n**Service:** oil change\n- _When:_ tomorrow\n- ***Price:*** $49.99\n### Thanks";

        var spoken = SpokenText.Clean(reply);

        Assert.DoesNotContain('*', spoken);
        Assert.DoesNotContain('#', spoken);
        Assert.DoesNotContain('_', spoken);
        Assert.DoesNotContain('\n', spoken);
        Assert.Equal("Booking Service: oil change When: tomorrow Price: $49.99 Thanks", spoken);
    }
}
