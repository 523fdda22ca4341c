namespace VoiceAgent.Core.Hosting;

/// <summary>
/// Sends a client's requests to <paramref name="apiBaseUrl"/> instead of the host they name, keeping path and query: how
/// local runs and tests reach a stand-in through the real client (Twilio's REST API at <c>Twilio:ApiBaseUrl</c>, the
/// real-time host's health check in the simulator).
/// </summary>
public sealed class BaseUrlRedirectHandler(Uri apiBaseUrl) : DelegatingHandler
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
