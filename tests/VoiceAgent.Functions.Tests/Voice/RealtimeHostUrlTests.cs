using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceAgent.Functions.Voice;

namespace VoiceAgent.Functions.Tests.Voice;

/// <summary>The socket URLs TwiML gives Twilio for the real-time host: wss for https (its port kept when it names one), ws for a local http host.</summary>
public sealed class RealtimeHostUrlTests
{
    [Theory]
    [InlineData("https://rt.example.test", "wss://rt.example.test/relay")]
    [InlineData("https://rt.example.test/", "wss://rt.example.test/relay")]
    [InlineData("https://rt.example.test:8443", "wss://rt.example.test:8443/relay")]
    [InlineData("http://127.0.0.1:5123", "ws://127.0.0.1:5123/relay")]
    public void RelayUrl_FromTheBaseUrl_SocketSchemeAndPort(string baseUrl, string expected)
    {
        var host = new RealtimeHost(new NoHttp(), Options.Create(new RealtimeHostOptions { BaseUrl = new Uri(baseUrl) }), TimeProvider.System, NullLogger<RealtimeHost>.Instance);

        Assert.Equal(expected, host.RelayUrl.AbsoluteUri);
    }

    private sealed class NoHttp : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("No request is expected.");
    }
}
