using Microsoft.AspNetCore.Http;
using VoiceAgent.Core.Telephony;
using VoiceAgent.TwilioSigning;

namespace VoiceAgent.Conformance.Tests.Telephony;

/// <summary>
/// The webhook signature check as the app runs it (Twilio's <c>RequestValidator</c> behind <see cref="TwilioWebhookVerifier"/>),
/// driven with Twilio's official vectors (protocols.md §1.4) as HTTP requests: the verifier is configured with the vector
/// URL's scheme and authority as the public base URL, the request carries its path, query and form.
/// </summary>
public sealed class TwilioWebhookVerifierTests
{
    public static TheoryData<string, string, string> CommonParameterVectors => OfficialVectors.WithCommonParameters;

    [Theory]
    [MemberData(nameof(CommonParameterVectors))]
    public async Task ReadAsync_OfficialVector_IsVerified(string vector, string url, string signature)
    {
        var result = await ReadAsync(url, OfficialVectors.CommonParameters, signature);

        Assert.True(result.IsVerified, $"{vector}: {url}");
    }

    [Fact]
    public async Task ReadAsync_VerifiedRequest_ReturnsThePostedForm()
    {
        var result = await ReadAsync(OfficialVectors.Url, OfficialVectors.CommonParameters, OfficialVectors.UrlSignature);

        Assert.True(result.IsVerified);
        Assert.Equal(
            OfficialVectors.CommonParameters,
            result.Form.Select(field => new KeyValuePair<string, string>(field.Key, field.Value.ToString())).OrderBy(field => field.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_SignedOverTheInternalHost_IsRejected()
    {
        // The request arrives on http://10.0.0.7:8080 (behind the proxy); Twilio signed the public URL, so only that counts.
        const string internalUrl = "http://10.0.0.7:8080/myapp.php?foo=1&bar=2";
        var signature = TwilioSignature.Compute(OfficialVectors.Token, internalUrl, OfficialVectors.CommonParameters);

        var result = await ReadAsync(OfficialVectors.Url, OfficialVectors.CommonParameters, signature);

        Assert.Equal(StatusCodes.Status403Forbidden, StatusOf(result));
    }

    [Fact]
    public async Task ReadAsync_RepeatedFieldsOfVector8_IsRejected()
    {
        // Vector #8 is twilio-node's: it de-duplicates and sorts repeated values (Digits1234Digits5678). The C# SDK, and so our
        // verifier, joins repeated values with ',' (Digits5678,1234,1234) and rejects the header. Twilio never repeats a field on
        // a voice webhook, so this difference is accepted, not worked around; RequestValidatorTests pins the SDK's behaviour.
        var result = await ReadAsync(OfficialVectors.Url, OfficialVectors.RepeatedParameters, OfficialVectors.RepeatedParametersSignature);

        Assert.Equal(StatusCodes.Status403Forbidden, StatusOf(result));
    }

    [Theory]
    [InlineData("CallSid", "CA1234567890ABCDF")]
    [InlineData("Digits", "12345")]
    [InlineData("Digits", "")]
    [InlineData("To", "+18005551213")]
    public async Task ReadAsync_TamperedFieldValue_Returns403(string name, string value)
    {
        var tampered = OfficialVectors.CommonParameters.Select(field => field.Key == name ? new KeyValuePair<string, string>(name, value) : field);

        var result = await ReadAsync(OfficialVectors.Url, tampered, OfficialVectors.UrlSignature);

        Assert.Equal(StatusCodes.Status403Forbidden, StatusOf(result));
    }

    [Fact]
    public async Task ReadAsync_AddedField_Returns403()
    {
        var result = await ReadAsync(OfficialVectors.Url, [.. OfficialVectors.CommonParameters, new("Extra", "1")], OfficialVectors.UrlSignature);

        Assert.Equal(StatusCodes.Status403Forbidden, StatusOf(result));
    }

    [Fact]
    public async Task ReadAsync_RemovedField_Returns403()
    {
        var result = await ReadAsync(OfficialVectors.Url, OfficialVectors.CommonParameters.Skip(1), OfficialVectors.UrlSignature);

        Assert.Equal(StatusCodes.Status403Forbidden, StatusOf(result));
    }

    [Fact]
    public async Task ReadAsync_RenamedField_Returns403()
    {
        var renamed = OfficialVectors.CommonParameters.Select(field => field.Key == "Caller" ? new KeyValuePair<string, string>("caller", field.Value) : field);

        var result = await ReadAsync(OfficialVectors.Url, renamed, OfficialVectors.UrlSignature);

        Assert.Equal(StatusCodes.Status403Forbidden, StatusOf(result));
    }

    [Theory]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=3")]
    [InlineData("https://mycompany.com/myapp.php?bar=2&foo=1")]
    [InlineData("https://mycompany.com/myapp.php")]
    [InlineData("https://mycompany.com/otherapp.php?foo=1&bar=2")]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2&bar=2")]
    public async Task ReadAsync_TamperedPathOrQuery_Returns403(string url)
    {
        var result = await ReadAsync(url, OfficialVectors.CommonParameters, OfficialVectors.UrlSignature);

        Assert.Equal(StatusCodes.Status403Forbidden, StatusOf(result));
    }

    [Theory]
    [InlineData("http://mycompany.com")]
    [InlineData("https://evil.com")]
    [InlineData("https://mycompany.com.evil.com")]
    [InlineData("https://mycompany.co")]
    public async Task ReadAsync_OtherPublicBaseUrl_Returns403(string publicBaseUrl)
    {
        var request = WebhookRequests.FormPost(OfficialVectors.Url, OfficialVectors.CommonParameters, OfficialVectors.UrlSignature);

        var result = await WebhookRequests.Verifier(publicBaseUrl).ReadAsync(request, CancellationToken.None);

        Assert.Equal(StatusCodes.Status403Forbidden, StatusOf(result));
    }

    [Fact]
    public async Task ReadAsync_HostCasingChanged_Returns403()
    {
        // Vector #5's header was computed over MyCompany.com; Twilio signs the host as written, so casing matters.
        var result = await ReadAsync(OfficialVectors.Url, OfficialVectors.CommonParameters, "g9IN/x4Cft2g517EjYvEvM/W7LU=");

        Assert.Equal(StatusCodes.Status403Forbidden, StatusOf(result));
    }

    [Theory]
    [InlineData("54321")]
    [InlineData("123456")]
    [InlineData("1234")]
    public async Task ReadAsync_WrongAuthToken_Returns403(string token)
    {
        var request = WebhookRequests.FormPost(OfficialVectors.Url, OfficialVectors.CommonParameters, OfficialVectors.UrlSignature);

        var result = await WebhookRequests.VerifierFor(OfficialVectors.Url, token).ReadAsync(request, CancellationToken.None);

        Assert.Equal(StatusCodes.Status403Forbidden, StatusOf(result));
    }

    [Theory]
    [InlineData("rsoydt4t1cutdk1pdd93/vvr8b8=")]
    [InlineData("RSOYDt4T1cUTdK1PDd93/VVr8B8")]
    [InlineData("RSOYDt4T1cUTdK1PDd93/VVr8B8= ")]
    [InlineData("kvajT1Ptam85bY51eRf/AJRuM3w")]
    public async Task ReadAsync_AlteredSignature_Returns403(string signature)
    {
        var result = await ReadAsync(OfficialVectors.Url, OfficialVectors.CommonParameters, signature);

        Assert.Equal(StatusCodes.Status403Forbidden, StatusOf(result));
    }

    [Fact]
    public async Task ReadAsync_MissingSignatureHeader_Returns403()
    {
        var result = await ReadAsync(OfficialVectors.Url, OfficialVectors.CommonParameters, signature: null);

        Assert.Equal(StatusCodes.Status403Forbidden, StatusOf(result));
    }

    [Fact]
    public async Task ReadAsync_EmptySignatureHeader_Returns403()
    {
        var result = await ReadAsync(OfficialVectors.Url, OfficialVectors.CommonParameters, string.Empty);

        Assert.Equal(StatusCodes.Status403Forbidden, StatusOf(result));
    }

    [Theory]
    [InlineData("multipart/form-data", "CallSid=CA1234567890ABCDE")]
    [InlineData("multipart/form-data; boundary=", "{\"CallSid\": \"CA1234567890ABCDE\"}")]
    public async Task ReadAsync_BodyThatIsNotTheFormItClaims_Returns400(string contentType, string body)
    {
        // Reading the form throws InvalidDataException; the verifier answers 400 before looking at the signature.
        var request = WebhookRequests.Post(OfficialVectors.Url, contentType, body, OfficialVectors.UrlSignature);

        var result = await WebhookRequests.VerifierFor(OfficialVectors.Url).ReadAsync(request, CancellationToken.None);

        Assert.Equal(StatusCodes.Status400BadRequest, StatusOf(result));
    }

    [Fact]
    public void IsValidUpgrade_MediaStreamVectorOverWss_ReturnsTrue() =>
        Assert.True(Upgrade(OfficialVectors.MediaStreamUrl, OfficialVectors.MediaStreamSignature));

    [Fact]
    public void IsValidUpgrade_MediaStreamVectorOverWssWithDefaultPort_ReturnsTrue() =>
        Assert.True(Upgrade(OfficialVectors.MediaStreamUrl, OfficialVectors.MediaStreamWithPortSignature));

    [Fact]
    public void IsValidUpgrade_HeaderOverHttpsForm_ReturnsTrue()
    {
        var signature = TwilioSignature.Compute(OfficialVectors.Token, "https://example.com/media-stream", []);

        Assert.True(Upgrade(OfficialVectors.MediaStreamUrl, signature));
    }

    [Fact]
    public void IsValidUpgrade_PublicBaseUrlWithExplicitPort_AcceptsWssOnThatPort()
    {
        const string url = "wss://example.com:8443/media-stream";
        var request = WebhookRequests.Upgrade(url, TwilioSignature.Compute(OfficialVectors.Token, url, []));

        Assert.True(WebhookRequests.Verifier("https://example.com:8443").IsValidUpgrade(request));
    }

    [Theory]
    [InlineData("wss://example.com/other-stream", OfficialVectors.MediaStreamSignature)]
    [InlineData("wss://example.com/media-stream?x=1", OfficialVectors.MediaStreamSignature)]
    [InlineData(OfficialVectors.MediaStreamUrl, "XFfwGS2Ev7f9qAP9MmRoMS7C724")]
    [InlineData(OfficialVectors.MediaStreamUrl, "")]
    [InlineData(OfficialVectors.MediaStreamUrl, null)]
    public void IsValidUpgrade_WrongPathOrSignature_ReturnsFalse(string url, string? signature) =>
        Assert.False(Upgrade(url, signature));

    [Fact]
    public void IsValidUpgrade_WrongAuthToken_ReturnsFalse()
    {
        var request = WebhookRequests.Upgrade(OfficialVectors.MediaStreamUrl, OfficialVectors.MediaStreamSignature);

        Assert.False(WebhookRequests.Verifier(OfficialVectors.MediaStreamPublicBaseUrl, "54321").IsValidUpgrade(request));
    }

    [Fact]
    public async Task ReadAsync_ManyParallelRequestsOnOneVerifier_EachGetsItsOwnVerdict()
    {
        const string url = "https://voiceagent.example.com/api/voice/turn";
        var verifier = WebhookRequests.VerifierFor(url);
        var requests = Enumerable.Range(0, 2000).Select(i =>
        {
            IReadOnlyList<KeyValuePair<string, string>> form = [new("CallSid", $"CA{i:D32}"), new("SpeechResult", $"turn {i} + more & more")];
            var signature = TwilioSignature.Compute(OfficialVectors.Token, url, form);
            // Every third request carries the header of its neighbour: valid for a different form.
            var sent = i % 3 == 0 ? TwilioSignature.Compute(OfficialVectors.Token, url, [new("CallSid", $"CA{i + 1:D32}"), form[1]]) : signature;
            return (Index: i, Form: form, Signature: sent, Expected: i % 3 != 0);
        }).ToList();
        var verdicts = new bool[requests.Count];

        await Parallel.ForEachAsync(
            requests,
            new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (item, cancellationToken) =>
            {
                await Task.Yield();
                var result = await verifier.ReadAsync(WebhookRequests.FormPost(url, item.Form, item.Signature), cancellationToken);
                verdicts[item.Index] = result.IsVerified && result.Form["CallSid"] == item.Form[0].Value;
            });

        Assert.Equal(requests.Select(r => r.Expected), verdicts);
    }

    internal static int? StatusOf(TwilioWebhookRequest result) =>
        result.IsVerified ? null : Assert.IsAssignableFrom<IStatusCodeHttpResult>(result.Rejection).StatusCode;

    private static Task<TwilioWebhookRequest> ReadAsync(string url, IEnumerable<KeyValuePair<string, string>> form, string? signature) =>
        WebhookRequests.VerifierFor(url).ReadAsync(WebhookRequests.FormPost(url, form, signature), CancellationToken.None);

    private static bool Upgrade(string url, string? signature) =>
        WebhookRequests.Verifier(OfficialVectors.MediaStreamPublicBaseUrl).IsValidUpgrade(WebhookRequests.Upgrade(url, signature));
}
