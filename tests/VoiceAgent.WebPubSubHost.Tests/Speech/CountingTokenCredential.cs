using Azure.Core;

namespace VoiceAgent.WebPubSubHost.Tests.Speech;

/// <summary>A hand-written credential: numbered tokens valid for <see cref="Lifetime"/> from its clock, and the scopes each request asked for.</summary>
internal sealed class CountingTokenCredential(TimeProvider time) : TokenCredential
{
    private int _issued;

    public CountingTokenCredential()
        : this(TimeProvider.System)
    {
    }

    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(1);

    public Exception? Failure { get; init; }

    public int Issued => _issued;

    public List<string[]> Scopes { get; } = [];

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (Scopes)
        {
            Scopes.Add(requestContext.Scopes);
        }

        if (Failure is not null)
        {
            throw Failure;
        }

        var number = Interlocked.Increment(ref _issued);
        return new AccessToken($"entra-token-{number}", time.GetUtcNow() + Lifetime);
    }
}
