using Twilio.Clients;
using Twilio.Http;
using VoiceAgent.Core.Hosting;

namespace VoiceAgent.Smoke.Twilio;

/// <summary>
/// Twilio's own REST client (the SDK) for one account, on an <see cref="System.Net.Http.HttpClient"/> this owns; with a
/// stand-in URL every request goes there instead, keeping path, query and Basic auth, as the app's client does.
/// </summary>
public sealed class TwilioAccountClient : IDisposable
{
    private readonly System.Net.Http.HttpClient _http;

    public TwilioAccountClient(TwilioCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var handler = new SocketsHttpHandler();
        _http = credentials.ApiBaseUrl is { } local
            ? new System.Net.Http.HttpClient(new BaseUrlRedirectHandler(local) { InnerHandler = handler })
            : new System.Net.Http.HttpClient(handler);
        _http.Timeout = TimeSpan.FromSeconds(30);
        Client = new TwilioRestClient(credentials.AccountSid, credentials.AuthToken, httpClient: new SystemNetHttpClient(_http));
    }

    public ITwilioRestClient Client { get; }

    public void Dispose() => _http.Dispose();
}
