namespace VoiceAgent.Conformance.Tests.Infrastructure;

/// <summary>The comparer behind the TwiML conformance tests must tell documents apart, or those tests prove nothing.</summary>
public sealed class XmlEquivalenceTests
{
    private const string Reference = """<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="man" loop="2">Hi &amp; bye</Say><Hangup/></Response>""";

    [Theory]
    [InlineData("""<Response><Say loop="2" voice="man">Hi &amp; bye</Say><Hangup /></Response>""")]
    [InlineData("""<?xml version="1.0" encoding="utf-8"?><Response><Say loop='2' voice='man'>Hi &#38; bye</Say><Hangup></Hangup></Response>""")]
    public void FirstDifference_SameDocumentWrittenDifferently_ReturnsNull(string other) =>
        Assert.Null(XmlEquivalence.FirstDifference(Reference, other));

    [Theory]
    [InlineData("""<Response><Say voice="woman" loop="2">Hi &amp; bye</Say><Hangup/></Response>""", "attributes")]
    [InlineData("""<Response><Say voice="man">Hi &amp; bye</Say><Hangup/></Response>""", "attributes")]
    [InlineData("""<Response><Say voice="man" loop="2" language="en-US">Hi &amp; bye</Say><Hangup/></Response>""", "attributes")]
    [InlineData("""<Response><Say voice="man" loop="2">Hi and bye</Say><Hangup/></Response>""", "text")]
    [InlineData("""<Response><Hangup/><Say voice="man" loop="2">Hi &amp; bye</Say></Response>""", "expected <")]
    [InlineData("""<Response><Say voice="man" loop="2">Hi &amp; bye</Say></Response>""", "child elements")]
    [InlineData("""<Response><Say voice="man" loop="2">Hi &amp; bye</Say><Hangup><Pause/></Hangup></Response>""", "child elements")]
    [InlineData("""<Response><Say voice="man" loop="2"><Say>Hi &amp; bye</Say></Say><Hangup/></Response>""", "text")]
    public void FirstDifference_DifferentDocument_DescribesTheDifference(string other, string expectedKind)
    {
        var difference = XmlEquivalence.FirstDifference(Reference, other);

        Assert.NotNull(difference);
        Assert.Contains(expectedKind, difference, StringComparison.Ordinal);
    }
}
