using System.Collections.Specialized;
using Twilio.Security;
using VoiceAgent.Core.Telephony;
using VoiceAgent.TwilioSigning;

namespace VoiceAgent.Conformance.Tests.Telephony;

/// <summary>
/// Twilio's SDK <see cref="RequestValidator"/> directly, for the official vectors <see cref="TwilioWebhookVerifier"/> cannot
/// express: JSON bodies (vectors #6 and #7: signature over the URL with <c>bodySHA256</c>, and the body's hash), and the
/// SDK's handling of repeated fields, which is why vector #8 fails through the verifier.
/// </summary>
public sealed class RequestValidatorTests
{
    private readonly RequestValidator _validator = new(OfficialVectors.Token);

    [Theory]
    [InlineData(OfficialVectors.JsonUrlWithQuery, OfficialVectors.JsonUrlWithQuerySignature)]
    [InlineData(OfficialVectors.JsonUrlBodyHashOnly, OfficialVectors.JsonUrlBodyHashOnlySignature)]
    public void Validate_JsonBodyOfficialVector_ReturnsTrue(string url, string signature) =>
        Assert.True(_validator.Validate(url, OfficialVectors.JsonBody, signature));

    [Fact]
    public void ValidateBody_OfficialJsonBody_MatchesItsHash() =>
        Assert.True(RequestValidator.ValidateBody(OfficialVectors.JsonBody, OfficialVectors.JsonBodyHash));

    [Theory]
    [InlineData("""{"property": "value", "boolean": false}""")]
    [InlineData("""{"property":"value","boolean":true}""")]
    [InlineData("")]
    public void Validate_JsonBodyNotMatchingItsHash_ReturnsFalse(string body) =>
        Assert.False(_validator.Validate(OfficialVectors.JsonUrlWithQuery, body, OfficialVectors.JsonUrlWithQuerySignature));

    [Fact]
    public void Validate_JsonBodyUrlWithTamperedQuery_ReturnsFalse() =>
        Assert.False(_validator.Validate(
            OfficialVectors.JsonUrlWithQuery.Replace("foo=1", "foo=2", StringComparison.Ordinal),
            OfficialVectors.JsonBody,
            OfficialVectors.JsonUrlWithQuerySignature));

    [Fact]
    public void Validate_JsonBodyUrlWithoutBodyHash_ReturnsFalse()
    {
        var signature = TwilioSignature.Compute(OfficialVectors.Token, OfficialVectors.Url, []);

        Assert.False(_validator.Validate(OfficialVectors.Url, OfficialVectors.JsonBody, signature));
    }

    [Fact]
    public void Validate_RepeatedFieldsOfVector8_ReturnsFalse() =>
        Assert.False(_validator.Validate(OfficialVectors.Url, RepeatedParameters(), OfficialVectors.RepeatedParametersSignature));

    [Fact]
    public void Validate_RepeatedFields_SignedOverCommaJoinedValues()
    {
        // NameValueCollection[name] joins repeats with ',' in the order received: what the SDK hashes instead of node's form.
        var signature = TwilioSignature.Compute(
            OfficialVectors.Token,
            OfficialVectors.Url,
            [new("Sid", "CA123"), new("SidAccount", "AC123"), new("Digits", "5678,1234,1234")]);

        Assert.True(_validator.Validate(OfficialVectors.Url, RepeatedParameters(), signature));
    }

    private static NameValueCollection RepeatedParameters()
    {
        var parameters = new NameValueCollection();
        foreach (var (name, value) in OfficialVectors.RepeatedParameters)
        {
            parameters.Add(name, value);
        }

        return parameters;
    }
}
