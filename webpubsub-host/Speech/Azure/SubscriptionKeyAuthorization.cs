namespace VoiceAgent.WebPubSubHost.Speech.Azure;

/// <summary>The resource key in <c>Ocp-Apim-Subscription-Key</c>, which both REST APIs take (local use; the Azure resource has keys off).</summary>
public sealed class SubscriptionKeyAuthorization(string key) : ISpeechAuthorization
{
    public const string HeaderName = "Ocp-Apim-Subscription-Key";

    public ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove(HeaderName);
        request.Headers.TryAddWithoutValidation(HeaderName, key);
        return ValueTask.CompletedTask;
    }
}
