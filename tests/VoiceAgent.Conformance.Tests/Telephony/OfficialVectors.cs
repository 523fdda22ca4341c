namespace VoiceAgent.Conformance.Tests.Telephony;

/// <summary>
/// Twilio's official signature test vectors (protocols.md §1.4; twilio-csharp RequestValidatorTest, twilio-node
/// validation.spec.js), and the self-computed WebSocket vectors of §1.3.
/// </summary>
internal static class OfficialVectors
{
    public const string Token = "12345";
    public const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    public const string UrlSignature = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
    public const string JsonBody = """{"property": "value", "boolean": true}""";
    public const string JsonBodyHash = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
    public const string JsonUrlWithQuery = Url + "&bodySHA256=" + JsonBodyHash;
    public const string JsonUrlWithQuerySignature = "a9nBmqA0ju/hNViExpshrM61xv4=";
    public const string JsonUrlBodyHashOnly = "https://mycompany.com/myapp.php?bodySHA256=" + JsonBodyHash;
    public const string JsonUrlBodyHashOnlySignature = "y77kIzt2vzLz71DgmJGsen2scGs=";
    public const string RepeatedParametersSignature = "IK+Dwps556ElfBT0I3Rgjkr1wJU=";

    /// <summary>§1.3 (self-computed, not official): the handshake URL as written in TwiML.</summary>
    public const string MediaStreamUrl = "wss://example.com/media-stream";
    public const string MediaStreamPublicBaseUrl = "https://example.com";
    public const string MediaStreamSignature = "XFfwGS2Ev7f9qAP9MmRoMS7C724=";
    public const string MediaStreamWithPortSignature = "55OA2CdDEK8djZDRLLS9pHUR+JI=";

    public static IReadOnlyList<KeyValuePair<string, string>> CommonParameters { get; } =
    [
        new("CallSid", "CA1234567890ABCDE"),
        new("Caller", "+14158675309"),
        new("Digits", "1234"),
        new("From", "+14158675309"),
        new("To", "+18005551212"),
    ];

    /// <summary>Vector #8 (node only): repeated <c>Digits</c>, which twilio-node de-duplicates and sorts.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> RepeatedParameters { get; } =
    [
        new("Sid", "CA123"),
        new("SidAccount", "AC123"),
        new("Digits", "5678"),
        new("Digits", "1234"),
        new("Digits", "1234"),
    ];

    /// <summary>Vectors that use <see cref="CommonParameters"/>: the URL Twilio requested, and the header it sent.</summary>
    public static TheoryData<string, string, string> WithCommonParameters { get; } = new()
    {
        { "#1", Url, UrlSignature },
        { "#2 header over :443", Url, "kvajT1Ptam85bY51eRf/AJRuM3w=" },
        { "#3 explicit port", "http://mycompany.com:1234/myapp.php?foo=1&bar=2", "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=" },
        { "#3b header without port", "https://mycompany.com:1234/myapp.php?foo=1&bar=2", UrlSignature },
        { "#4 header over :80", "http://mycompany.com/myapp.php?foo=1&bar=2", "0ZXoZLH/DfblKGATFgpif+LLRf4=" },
        { "#5 host casing", "https://MyCompany.com/myapp.php?foo=1&bar=2", "g9IN/x4Cft2g517EjYvEvM/W7LU=" },
        { "#9 apostrophe in query", Url + "&Body=It's+amazing", "dsq4Ehbj6cs+KdTkpF5sSSplOWw=" },
    };

    /// <summary>The vectors whose header was computed over the request URL exactly as given (no port variant).</summary>
    public static TheoryData<string, string> ComputedOverRequestUrl { get; } = new()
    {
        { Url, UrlSignature },
        { "http://mycompany.com:1234/myapp.php?foo=1&bar=2", "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=" },
        { "https://MyCompany.com/myapp.php?foo=1&bar=2", "g9IN/x4Cft2g517EjYvEvM/W7LU=" },
        { Url + "&Body=It's+amazing", "dsq4Ehbj6cs+KdTkpF5sSSplOWw=" },
    };
}
