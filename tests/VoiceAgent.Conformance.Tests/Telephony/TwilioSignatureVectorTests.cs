using System.Text;
using VoiceAgent.Conformance.Tests.Infrastructure;
using VoiceAgent.Core.Telephony;

namespace VoiceAgent.Conformance.Tests.Telephony;

/// <summary>Our validator against Twilio's official vectors, and the same vectors checked by the official library.</summary>
public sealed class TwilioSignatureVectorTests
{
    private readonly TwilioRequestValidator _validator = new(OfficialVectors.Token);

    public static TheoryData<string, string, string> CommonParameterVectors => OfficialVectors.WithCommonParameters;

    public static TheoryData<string, string> RequestUrlVectors => OfficialVectors.ComputedOverRequestUrl;

    [Theory]
    [MemberData(nameof(CommonParameterVectors))]
    public void IsValid_OfficialVector_ReturnsTrue(string vector, string url, string signature) =>
        Assert.True(_validator.IsValid(url, OfficialVectors.CommonParameters, signature), vector);

    [Theory]
    [MemberData(nameof(RequestUrlVectors))]
    public void Compute_OfficialVectorOverRequestUrl_EqualsHeader(string url, string signature) =>
        Assert.Equal(signature, TwilioSignature.Compute(OfficialVectors.Token, url, OfficialVectors.CommonParameters));

    [Fact]
    public async Task ValidateRequest_OfficialVectors_OfficialLibraryAgrees()
    {
        var vectors = OfficialVectors.WithCommonParameters
            .Select(row => (new SignatureRequest(OfficialVectors.Token, (string)row[1], OfficialVectors.CommonParameters), (string)row[2]))
            .Append((new SignatureRequest(OfficialVectors.Token, OfficialVectors.Url, OfficialVectors.RepeatedParameters), OfficialVectors.RepeatedParametersSignature))
            .ToList();

        var verdicts = await TwilioReference.ValidateAsync(vectors);

        Assert.Equal(vectors.Count, verdicts.Length);
        Assert.All(verdicts, Assert.True);
    }

    [Fact]
    public void IsValid_RepeatedParameterVector_ReturnsTrue() =>
        Assert.True(_validator.IsValid(OfficialVectors.Url, OfficialVectors.RepeatedParameters, OfficialVectors.RepeatedParametersSignature));

    [Fact]
    public void Compute_RepeatedParameterVector_DeduplicatesAndSortsValues() =>
        Assert.Equal(
            OfficialVectors.RepeatedParametersSignature,
            TwilioSignature.Compute(OfficialVectors.Token, OfficialVectors.Url, OfficialVectors.RepeatedParameters));

    [Theory]
    [InlineData(OfficialVectors.JsonUrlWithQuery, OfficialVectors.JsonUrlWithQuerySignature)]
    [InlineData(OfficialVectors.JsonUrlBodyHashOnly, OfficialVectors.JsonUrlBodyHashOnlySignature)]
    public void IsValidJson_OfficialVector_ReturnsTrue(string url, string signature) =>
        Assert.True(_validator.IsValidJson(url, Encoding.UTF8.GetBytes(OfficialVectors.JsonBody), signature));

    [Theory]
    [InlineData(OfficialVectors.JsonUrlWithQuery, OfficialVectors.JsonUrlWithQuerySignature)]
    [InlineData(OfficialVectors.JsonUrlBodyHashOnly, OfficialVectors.JsonUrlBodyHashOnlySignature)]
    public async Task ValidateRequestWithBody_OfficialVector_OfficialLibraryAgrees(string url, string signature) =>
        Assert.True(await TwilioReference.ValidateBodyAsync(OfficialVectors.Token, url, OfficialVectors.JsonBody, signature));

    [Fact]
    public void BodyHash_OfficialJsonBody_EqualsVector() =>
        Assert.Equal(OfficialVectors.JsonBodyHash, TwilioSignature.BodyHash(Encoding.UTF8.GetBytes(OfficialVectors.JsonBody)));

    [Theory]
    [InlineData("""{"property": "value", "boolean": false}""")]
    [InlineData("""{"property":"value","boolean":true}""")]
    [InlineData("")]
    public void IsValidJson_BodyNotMatchingHash_ReturnsFalse(string body) =>
        Assert.False(_validator.IsValidJson(OfficialVectors.JsonUrlWithQuery, Encoding.UTF8.GetBytes(body), OfficialVectors.JsonUrlWithQuerySignature));

    [Fact]
    public void IsValidJson_UrlWithoutBodyHash_ReturnsFalse()
    {
        var signature = TwilioSignature.Compute(OfficialVectors.Token, OfficialVectors.Url, []);

        Assert.False(_validator.IsValidJson(OfficialVectors.Url, Encoding.UTF8.GetBytes(OfficialVectors.JsonBody), signature));
    }

    [Fact]
    public void IsValid_MediaStreamUpgradeWithoutParameters_ReturnsTrue() =>
        Assert.True(_validator.IsValid(OfficialVectors.MediaStreamUrl, [], OfficialVectors.MediaStreamSignature));

    [Fact]
    public void IsValid_MediaStreamHeaderOverDefaultPort_ReturnsTrue() =>
        Assert.True(_validator.IsValid(OfficialVectors.MediaStreamUrl, [], OfficialVectors.MediaStreamWithPortSignature));

    [Fact]
    public async Task Compute_MediaStreamUpgrade_EqualsVectorAndOfficialLibrary()
    {
        var ours = TwilioSignature.Compute(OfficialVectors.Token, OfficialVectors.MediaStreamUrl, []);

        var official = await TwilioReference.SignAsync([new SignatureRequest(OfficialVectors.Token, OfficialVectors.MediaStreamUrl, [])]);

        Assert.Equal(OfficialVectors.MediaStreamSignature, ours);
        Assert.Equal(OfficialVectors.MediaStreamSignature, official[0]);
    }

    [Theory]
    [InlineData("CallSid", "CA1234567890ABCDF")]
    [InlineData("Digits", "12345")]
    [InlineData("Digits", "")]
    [InlineData("To", "+18005551213")]
    public void IsValid_TamperedParameterValue_ReturnsFalse(string name, string value)
    {
        var tampered = OfficialVectors.CommonParameters.Select(p => p.Key == name ? new KeyValuePair<string, string>(name, value) : p);

        Assert.False(_validator.IsValid(OfficialVectors.Url, tampered, OfficialVectors.UrlSignature));
    }

    [Fact]
    public void IsValid_AddedParameter_ReturnsFalse() =>
        Assert.False(_validator.IsValid(OfficialVectors.Url, [.. OfficialVectors.CommonParameters, new("Extra", "1")], OfficialVectors.UrlSignature));

    [Fact]
    public void IsValid_RemovedParameter_ReturnsFalse() =>
        Assert.False(_validator.IsValid(OfficialVectors.Url, OfficialVectors.CommonParameters.Skip(1), OfficialVectors.UrlSignature));

    [Fact]
    public void IsValid_RenamedParameter_ReturnsFalse() =>
        Assert.False(_validator.IsValid(
            OfficialVectors.Url,
            OfficialVectors.CommonParameters.Select(p => p.Key == "Caller" ? new KeyValuePair<string, string>("caller", p.Value) : p),
            OfficialVectors.UrlSignature));

    [Fact]
    public void IsValid_RepeatedParameterWithoutOneValue_ReturnsFalse() =>
        Assert.False(_validator.IsValid(OfficialVectors.Url, OfficialVectors.RepeatedParameters.Skip(1), OfficialVectors.RepeatedParametersSignature));

    [Theory]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=3")]
    [InlineData("https://mycompany.com/myapp.php?bar=2&foo=1")]
    [InlineData("https://mycompany.com/myapp.php")]
    [InlineData("https://mycompany.com/otherapp.php?foo=1&bar=2")]
    [InlineData("http://mycompany.com/myapp.php?foo=1&bar=2")]
    [InlineData("https://evil.com/myapp.php?foo=1&bar=2")]
    [InlineData("https://mycompany.com:8443/myapp.php?foo=1&bar=2x")]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2&bar=2")]
    public void IsValid_TamperedUrl_ReturnsFalse(string url) =>
        Assert.False(_validator.IsValid(url, OfficialVectors.CommonParameters, OfficialVectors.UrlSignature));

    [Fact]
    public void IsValid_HostCasingChanged_ReturnsFalse() =>
        Assert.False(_validator.IsValid("https://mycompany.com/myapp.php?foo=1&bar=2", OfficialVectors.CommonParameters, "g9IN/x4Cft2g517EjYvEvM/W7LU="));

    [Theory]
    [InlineData("54321")]
    [InlineData("123456")]
    [InlineData("1234")]
    public void IsValid_WrongToken_ReturnsFalse(string token) =>
        Assert.False(new TwilioRequestValidator(token).IsValid(OfficialVectors.Url, OfficialVectors.CommonParameters, OfficialVectors.UrlSignature));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void IsValid_MissingSignature_ReturnsFalse(string? signature) =>
        Assert.False(_validator.IsValid(OfficialVectors.Url, OfficialVectors.CommonParameters, signature));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void IsValidJson_MissingSignature_ReturnsFalse(string? signature) =>
        Assert.False(_validator.IsValidJson(OfficialVectors.JsonUrlWithQuery, Encoding.UTF8.GetBytes(OfficialVectors.JsonBody), signature));

    [Theory]
    [InlineData("rsoydt4t1cutdk1pdd93/vvr8b8=")]
    [InlineData("RSOYDt4T1cUTdK1PDd93/VVr8B8")]
    [InlineData("RSOYDt4T1cUTdK1PDd93/VVr8B8= ")]
    public void IsValid_AlteredSignature_ReturnsFalse(string signature) =>
        Assert.False(_validator.IsValid(OfficialVectors.Url, OfficialVectors.CommonParameters, signature));

    [Fact]
    public void IsValid_ConnectionOverrideFragment_IsNotSigned() =>
        Assert.True(_validator.IsValid(OfficialVectors.Url + "#ct=1000&rt=3000&rc=2&rp=ct,rt", OfficialVectors.CommonParameters, OfficialVectors.UrlSignature));

    [Fact]
    public async Task ValidateRequest_TamperedRequests_OfficialLibraryAlsoRejects()
    {
        var tampered = new List<(SignatureRequest, string)>
        {
            (new(OfficialVectors.Token, OfficialVectors.Url, [.. OfficialVectors.CommonParameters.Skip(1)]), OfficialVectors.UrlSignature),
            (new(OfficialVectors.Token, "https://mycompany.com/myapp.php?foo=1&bar=3", OfficialVectors.CommonParameters), OfficialVectors.UrlSignature),
            (new("54321", OfficialVectors.Url, OfficialVectors.CommonParameters), OfficialVectors.UrlSignature),
            (new(OfficialVectors.Token, OfficialVectors.Url, OfficialVectors.CommonParameters), string.Empty),
        };

        var official = await TwilioReference.ValidateAsync(tampered);
        var ours = tampered.Select(t => new TwilioRequestValidator(t.Item1.Token).IsValid(t.Item1.Url, t.Item1.Parameters, t.Item2));

        Assert.All(official, Assert.False);
        Assert.All(ours, Assert.False);
    }
}
