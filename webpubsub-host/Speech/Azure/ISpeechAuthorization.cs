namespace VoiceAgent.WebPubSubHost.Speech.Azure;

/// <summary>Puts the Speech resource's credentials on a request: a key locally, an Entra ID token in Azure.</summary>
public interface ISpeechAuthorization
{
    ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken);
}
