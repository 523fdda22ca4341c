using System.Runtime.CompilerServices;
using Azure.Core;

namespace VoiceAgent.Core.LiveEvents;

/// <summary>
/// An Entra token for <c>https://webpubsub.azure.com</c> from the host's identity, kept until five minutes before it
/// expires (or the credential's own refresh hint), so the sender asks the identity endpoint about once an hour, not per event.
/// </summary>
public sealed class EntraAuthorization(TokenCredential credential, TimeProvider time) : IWebPubSubAuthorization
{
    public const string Scope = "https://webpubsub.azure.com/.default";

    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private StrongBox<AccessToken>? _token;

    /// <summary>Safe for concurrent callers: the cached token is swapped as one reference (a race costs a second fetch at most).</summary>
    public async ValueTask<string> GetBearerTokenAsync(Uri requestUri, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (Volatile.Read(ref _token) is { Value: var cached } && now < (cached.RefreshOn ?? cached.ExpiresOn - RefreshMargin))
        {
            return cached.Token;
        }

        var token = await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken);
        Volatile.Write(ref _token, new StrongBox<AccessToken>(token));
        return token.Token;
    }
}
