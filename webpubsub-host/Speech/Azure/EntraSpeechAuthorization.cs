using System.Net.Http.Headers;
using Azure.Core;

namespace VoiceAgent.WebPubSubHost.Speech.Azure;

/// <summary>
/// An Entra ID token for Cognitive Services in Speech's own form, <c>Authorization: Bearer aad#&lt;resourceId&gt;#&lt;token&gt;</c>.
/// One token serves every request until shortly before it expires (or when the credential says to refresh), so a call's
/// turns never wait on a sign-in; one refresh at a time, however many turns ask at once. Singleton.
/// </summary>
public sealed class EntraSpeechAuthorization(TokenCredential credential, string resourceId, TimeProvider time) : ISpeechAuthorization, IDisposable
{
    public const string Scope = "https://cognitiveservices.azure.com/.default";

    /// <summary>Refresh this long before expiry, so a token never runs out during a request.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile CachedToken? _token;

    public async ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await TokenAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", $"aad#{resourceId}#{token}");
    }

    public void Dispose() => _refresh.Dispose();

    private async ValueTask<string> TokenAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_token) is { } cached)
        {
            return cached;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_token) is { } refreshedMeanwhile)
            {
                return refreshedMeanwhile;
            }

            AccessToken token;
            try
            {
                token = await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new SpeechUnavailableException("Azure AI Speech: no Entra ID token for Cognitive Services (" + e.GetType().Name + ").", e);
            }

            var refreshAt = token.RefreshOn is { } on && on < token.ExpiresOn - RefreshMargin ? on : token.ExpiresOn - RefreshMargin;
            _token = new CachedToken(token.Token, refreshAt);
            return token.Token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private string? Fresh(CachedToken? token) => token is not null && time.GetUtcNow() < token.RefreshAt ? token.Token : null;

    /// <summary>Immutable, so a request reading it while another refreshes sees one whole token.</summary>
    private sealed record CachedToken(string Token, DateTimeOffset RefreshAt);
}
