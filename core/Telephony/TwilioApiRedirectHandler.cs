namespace VoiceAgent.Core.Telephony;

/// <summary>
/// Sends the Twilio SDK's REST requests to <see cref="TwilioOptions.ApiBaseUrl"/> (a local stand-in for Twilio's API)
/// instead of Twilio's hosts, keeping path and query: how local runs and tests reach a fake through the real client.
/// </summary>
public sealed class TwilioApiRedirectHandler(Uri apiBaseUrl) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is { } uri)
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = apiBaseUrl.Scheme, Host = apiBaseUrl.Host, Port = apiBaseUrl.Port }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
