using VoiceAgent.Core.Telephony;

namespace VoiceAgent.Conformance.Tests.Telephony;

/// <summary>
/// The URLs the validator hashes for one request: as given (fragment dropped), and its port variant
/// (default port added, or explicit port removed), as twilio-node's <c>addPort</c>/<c>removePort</c> build them.
/// </summary>
public sealed class TwilioRequestValidatorUrlCandidatesTests
{
    [Theory]
    [InlineData("https://[2001:db8::1]/voice", "https://[2001:db8::1]:443/voice")]
    [InlineData("http://[::1]/api/voice/turn?x=1", "http://[::1]:80/api/voice/turn?x=1")]
    public void UrlCandidates_Ipv6HostWithoutPort_AddsDefaultPortAfterBracket(string url, string withPort) =>
        Assert.Equal([url, withPort], TwilioRequestValidator.UrlCandidates(url));

    [Theory]
    [InlineData("http://[::1]:7071/api/voice/turn?x=1", "http://[::1]/api/voice/turn?x=1")]
    [InlineData("https://[2001:db8::1]:443/voice", "https://[2001:db8::1]/voice")]
    public void UrlCandidates_Ipv6HostWithPort_RemovesOnlyThePort(string url, string withoutPort) =>
        Assert.Equal([url, withoutPort], TwilioRequestValidator.UrlCandidates(url));

    [Fact]
    public void UrlCandidates_UserInfoWithColon_IsNotTakenForAPort() =>
        Assert.Equal(
            ["https://user:secret@example.com/voice", "https://user:secret@example.com:443/voice"],
            TwilioRequestValidator.UrlCandidates("https://user:secret@example.com/voice"));

    [Fact]
    public void UrlCandidates_UserInfoAndPort_KeepsUserInfoAndRemovesPort() =>
        Assert.Equal(
            ["https://user:secret@example.com:8443/voice", "https://user:secret@example.com/voice"],
            TwilioRequestValidator.UrlCandidates("https://user:secret@example.com:8443/voice"));

    [Fact]
    public void UrlCandidates_UserInfoAndIpv6HostWithPort_RemovesPort() =>
        Assert.Equal(
            ["https://u:p@[::1]:8443/x", "https://u:p@[::1]/x"],
            TwilioRequestValidator.UrlCandidates("https://u:p@[::1]:8443/x"));

    [Theory]
    [InlineData("https://example.com:8443/api/voice?y=1", "https://example.com/api/voice?y=1")]
    [InlineData("https://example.com:443/api/voice", "https://example.com/api/voice")]
    [InlineData("http://example.com:80/api/voice", "http://example.com/api/voice")]
    [InlineData("http://localhost:7071/api/voice/incoming", "http://localhost/api/voice/incoming")]
    public void UrlCandidates_ExplicitPort_AlsoYieldsUrlWithoutPort(string url, string withoutPort) =>
        Assert.Equal([url, withoutPort], TwilioRequestValidator.UrlCandidates(url));

    [Theory]
    [InlineData("https://example.com/api/voice", "https://example.com:443/api/voice")]
    [InlineData("http://example.com/api/voice", "http://example.com:80/api/voice")]
    [InlineData("wss://example.com/media-stream", "wss://example.com:443/media-stream")]
    [InlineData("ws://example.com/media-stream", "ws://example.com:80/media-stream")]
    [InlineData("https://example.com?x=1", "https://example.com:443?x=1")]
    [InlineData("https://example.com", "https://example.com:443")]
    public void UrlCandidates_NoPort_AlsoYieldsUrlWithDefaultPort(string url, string withPort) =>
        Assert.Equal([url, withPort], TwilioRequestValidator.UrlCandidates(url));

    [Theory]
    [InlineData("https://example.com/x?y=1#ct=1000&rt=3000&rc=2&rp=ct,rt", "https://example.com/x?y=1", "https://example.com:443/x?y=1")]
    [InlineData("https://example.com:8443/x#frag", "https://example.com:8443/x", "https://example.com/x")]
    [InlineData("https://example.com#a:1/b?c", "https://example.com", "https://example.com:443")]
    [InlineData("https://example.com/x#", "https://example.com/x", "https://example.com:443/x")]
    public void UrlCandidates_Fragment_IsDropped(string url, string first, string second) =>
        Assert.Equal([first, second], TwilioRequestValidator.UrlCandidates(url));

    [Theory]
    [InlineData("HTTPS://Example.COM/Path?Q=A", "HTTPS://Example.COM:443/Path?Q=A")]
    [InlineData("Http://MyCompany.com/myapp.php", "Http://MyCompany.com:80/myapp.php")]
    [InlineData("WSS://Example.com/media-stream", "WSS://Example.com:443/media-stream")]
    public void UrlCandidates_SchemeAndHostCasing_IsPreserved(string url, string withPort) =>
        Assert.Equal([url, withPort], TwilioRequestValidator.UrlCandidates(url));

    [Theory]
    [InlineData("https://example.com/a@b:1/c", "https://example.com:443/a@b:1/c")]
    [InlineData("https://example.com?next=user@host:99", "https://example.com:443?next=user@host:99")]
    public void UrlCandidates_ColonOrAtAfterAuthority_IsNotTakenForAPort(string url, string withPort) =>
        Assert.Equal([url, withPort], TwilioRequestValidator.UrlCandidates(url));

    [Theory]
    [InlineData("/api/voice/incoming")]
    [InlineData("ftp://example.com/file")]
    public void UrlCandidates_NoSchemeOrUnknownScheme_YieldsOnlyTheUrl(string url) =>
        Assert.Equal([url], TwilioRequestValidator.UrlCandidates(url));
}
