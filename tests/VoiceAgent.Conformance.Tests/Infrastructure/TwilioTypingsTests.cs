namespace VoiceAgent.Conformance.Tests.Infrastructure;

/// <summary>The attribute declarations read from the library's typings must be real, or the attribute-name check proves nothing.</summary>
public sealed class TwilioTypingsTests
{
    [Theory]
    [InlineData("Gather", "speechTimeout")]
    [InlineData("Gather", "actionOnEmptyResult")]
    [InlineData("Say", "voice")]
    [InlineData("Dial", "answerOnBridge")]
    [InlineData("Stream", "url")]
    [InlineData("Parameter", "value")]
    [InlineData("Pause", "length")]
    [InlineData("Redirect", "method")]
    public void AttributeNames_DeclaredAttribute_IsListed(string element, string attribute) =>
        Assert.Contains(attribute, TwilioTypings.AttributeNames(element));

    [Theory]
    [InlineData("Gather", "speech_timeout")]
    [InlineData("Gather", "timeoutSeconds")]
    [InlineData("Say", "Voice")]
    [InlineData("Pause", "seconds")]
    public void AttributeNames_UndeclaredAttribute_IsNotListed(string element, string attribute) =>
        Assert.DoesNotContain(attribute, TwilioTypings.AttributeNames(element));
}
