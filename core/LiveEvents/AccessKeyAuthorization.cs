namespace VoiceAgent.Core.LiveEvents;

/// <summary>
/// Signs each request with a short-lived HS256 JWT over the access key (protocols.md §8.1): <c>aud</c> is the request
/// URL without its query, <c>exp</c> a minute ahead. Local runs only; in Azure access keys are disabled.
/// </summary>
public sealed class AccessKeyAuthorization(string accessKey, TimeProvider time) : IWebPubSubAuthorization
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public ValueTask<string> GetBearerTokenAsync(Uri requestUri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        var now = time.GetUtcNow();
        return ValueTask.FromResult(AccessKeyJwt.Sign(accessKey, new Dictionary<string, object>
        {
            ["aud"] = requestUri.GetLeftPart(UriPartial.Path).TrimEnd('/'),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.Add(Lifetime).ToUnixTimeSeconds(),
        }));
    }
}
