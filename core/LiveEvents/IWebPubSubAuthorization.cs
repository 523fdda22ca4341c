namespace VoiceAgent.Core.LiveEvents;

/// <summary>The bearer token for one REST request to Web PubSub: an access-key JWT locally, an Entra token in Azure.</summary>
public interface IWebPubSubAuthorization
{
    ValueTask<string> GetBearerTokenAsync(Uri requestUri, CancellationToken cancellationToken);
}
