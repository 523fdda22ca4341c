namespace VoiceAgent.WebPubSubHost.Speech.Azure;

/// <summary>The last handler before the network on both Speech clients: signs every request with <see cref="ISpeechAuthorization"/>.</summary>
public sealed class SpeechAuthHandler(ISpeechAuthorization authorization) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await authorization.AuthorizeAsync(request, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
