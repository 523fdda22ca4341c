using Azure.Identity;
using Microsoft.Extensions.Time.Testing;
using VoiceAgent.SpeechStandIn;
using VoiceAgent.WebPubSubHost.Speech;
using VoiceAgent.WebPubSubHost.Speech.Azure;

namespace VoiceAgent.WebPubSubHost.Tests.Speech;

/// <summary>Entra ID sign-in: Speech's <c>aad#resourceId#token</c> form, accepted by the stand-in, and the token reused until near expiry.</summary>
public sealed class EntraSpeechAuthorizationTests : IAsyncLifetime
{
    private const string ResourceId = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/spch-test";
    private SpeechServiceStandIn _standIn = null!;

    public async Task InitializeAsync() => _standIn = await SpeechServiceStandIn.StartAsync(new SpeechStandInOptions { EntraToken = "entra-token-1" }, CancellationToken.None);

    public async Task DisposeAsync() => await _standIn.DisposeAsync();

    [Fact]
    public async Task BothClients_EntraConfigured_SendAadResourceIdTokenTheServiceAccepts()
    {
        var credential = new CountingTokenCredential();
        using var clients = SpeechClients.WithEntra(_standIn, credential);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await foreach (var _ in clients.Synthesizer.SynthesizeAsync("Hello.", "en-US", deadline.Token))
        {
        }

        await clients.Recognizer.RecognizeAsync(new Utterance(new short[800], "en-US"), deadline.Token);

        Assert.All(_standIn.Requests, request =>
        {
            Assert.Equal(200, request.StatusCode);
            Assert.Equal($"Bearer aad#{_standIn.ResourceId}#entra-token-1", request.Header("Authorization"));
            Assert.Null(request.Header("Ocp-Apim-Subscription-Key"));
        });
        Assert.Equal(2, _standIn.Requests.Count);
        Assert.Equal(1, credential.Issued);
        Assert.Equal([EntraSpeechAuthorization.Scope], Assert.Single(credential.Scopes));
    }

    [Fact]
    public async Task AuthorizeAsync_TokenStillFresh_ReusesIt()
    {
        var time = new FakeTimeProvider();
        var credential = new CountingTokenCredential(time) { Lifetime = TimeSpan.FromHours(1) };
        using var authorization = new EntraSpeechAuthorization(credential, ResourceId, time);

        var first = await Authorize(authorization);
        time.Advance(TimeSpan.FromMinutes(50));
        var second = await Authorize(authorization);

        Assert.Equal($"aad#{ResourceId}#entra-token-1", first);
        Assert.Equal(first, second);
        Assert.Equal(1, credential.Issued);
    }

    [Fact]
    public async Task AuthorizeAsync_TokenNearExpiry_GetsANewOne()
    {
        var time = new FakeTimeProvider();
        var credential = new CountingTokenCredential(time) { Lifetime = TimeSpan.FromHours(1) };
        using var authorization = new EntraSpeechAuthorization(credential, ResourceId, time);

        await Authorize(authorization);
        time.Advance(TimeSpan.FromHours(1) - EntraSpeechAuthorization.RefreshMargin);
        var renewed = await Authorize(authorization);

        Assert.Equal($"aad#{ResourceId}#entra-token-2", renewed);
        Assert.Equal(2, credential.Issued);
    }

    [Fact]
    public async Task AuthorizeAsync_CredentialFails_ThrowsUnavailable()
    {
        var credential = new CountingTokenCredential { Failure = new CredentialUnavailableException("no managed identity here") };
        using var authorization = new EntraSpeechAuthorization(credential, ResourceId, TimeProvider.System);

        var failure = await Assert.ThrowsAsync<SpeechUnavailableException>(() => Authorize(authorization));

        Assert.IsType<CredentialUnavailableException>(failure.InnerException);
    }

    [Fact]
    public async Task Synthesizer_CredentialFails_ThrowsUnavailableWithoutARequest()
    {
        using var clients = SpeechClients.WithEntra(_standIn, new CountingTokenCredential { Failure = new CredentialUnavailableException("no managed identity here") });

        await Assert.ThrowsAsync<SpeechUnavailableException>(async () =>
        {
            await foreach (var _ in clients.Synthesizer.SynthesizeAsync("Hello.", "en-US", CancellationToken.None))
            {
            }
        });

        Assert.Empty(_standIn.Requests);
    }

    /// <summary>The bearer value the authorization puts on a request.</summary>
    private static async Task<string?> Authorize(EntraSpeechAuthorization authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://spch-test.cognitiveservices.azure.com/tts/cognitiveservices/v1");
        await authorization.AuthorizeAsync(request, CancellationToken.None);
        Assert.Equal("Bearer", request.Headers.Authorization?.Scheme);
        return request.Headers.Authorization?.Parameter;
    }
}
