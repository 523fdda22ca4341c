using System.Net;
using Azure.Core;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VoiceAgent.WebPubSubHost.Events;
using VoiceAgent.WebPubSubStandIn;
using VoiceAgent.Core.LiveEvents;

namespace VoiceAgent.WebPubSubHost.Tests.Events;

/// <summary>How each REST send is authorized, as the service checks it (the stand-in verifies signature, aud and exp).</summary>
public sealed class WebPubSubGroupSenderTests : IAsyncLifetime
{
    private const string EntraToken = "entra-token-for-webpubsub";

    private static readonly byte[] Payload = """{"type":"callEnded"}"""u8.ToArray();

    private readonly HttpClient _http = new();
    private PubSubStandIn _service = null!;

    public async Task InitializeAsync() => _service = await PubSubStandIn.StartAsync(new PubSubStandInOptions { EntraToken = EntraToken }, CancellationToken.None);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _service.DisposeAsync();
    }

    [Fact]
    public async Task SendAsync_EntraCredential_AcceptedAndTokenReused()
    {
        var credential = new CountingCredential(EntraToken);
        var sender = Sender(new EntraAuthorization(credential, TimeProvider.System));

        var first = await sender.SendAsync("tenant.northside", Payload, CancellationToken.None);
        var second = await sender.SendAsync("tenant.northside", Payload, CancellationToken.None);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first, second));
        Assert.All(_service.Sends, send => Assert.Equal("entra", send.Auth));
        Assert.Equal([EntraAuthorization.Scope], credential.Scopes.Distinct());
        Assert.Equal(1, credential.Calls);
    }

    [Fact]
    public async Task SendAsync_EntraTokenTheServiceDoesNotKnow_Unauthorized()
    {
        var sender = Sender(new EntraAuthorization(new CountingCredential("someone-elses-token"), TimeProvider.System));

        var status = await sender.SendAsync("tenant.northside", Payload, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Single(_service.Sends); // a 401 is not retried
    }

    [Fact]
    public async Task SendAsync_AccessKeyJwtForAnotherUrl_Unauthorized()
    {
        var otherGroup = Sender(new AccessKeyAuthorization(_service.AccessKey, TimeProvider.System)).GroupSendUri("tenant.southside");
        var sender = Sender(new FixedUriAuthorization(new AccessKeyAuthorization(_service.AccessKey, TimeProvider.System), otherGroup));

        var status = await sender.SendAsync("tenant.northside", Payload, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.StartsWith("wrong aud", _service.Sends.Single().Auth, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ExpiredAccessKeyJwt_Unauthorized()
    {
        var past = new FakeTimeProvider(DateTimeOffset.UtcNow - AccessKeyAuthorization.Lifetime - TimeSpan.FromMinutes(1));
        var sender = Sender(new AccessKeyAuthorization(_service.AccessKey, past));

        var status = await sender.SendAsync("tenant.northside", Payload, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("expired or no exp", _service.Sends.Single().Auth);
    }

    [Fact]
    public void GroupSendUri_TenantGroup_IsTheDocumentedRestPath()
    {
        var sender = Sender(new AccessKeyAuthorization(_service.AccessKey, TimeProvider.System));

        var uri = sender.GroupSendUri(TenantEventGroup.For("northside"));

        Assert.Equal(new Uri(_service.BaseUrl, "api/hubs/calls/groups/tenant.northside/:send?api-version=2024-12-01"), uri);
    }

    private WebPubSubGroupSender Sender(IWebPubSubAuthorization authorization) =>
        new(_http, _service.BaseUrl, authorization, Options.Create(new WebPubSubOptions { Hub = EventsHost.Hub }), TimeProvider.System);

    /// <summary>Stands for the host's managed identity: hands out one token and counts how often it was asked.</summary>
    private sealed class CountingCredential(string token) : TokenCredential
    {
        public int Calls { get; private set; }

        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Calls++;
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    /// <summary>Signs every request as if it went to <paramref name="audience"/>: a token lifted from another request.</summary>
    private sealed class FixedUriAuthorization(IWebPubSubAuthorization inner, Uri audience) : IWebPubSubAuthorization
    {
        public ValueTask<string> GetBearerTokenAsync(Uri requestUri, CancellationToken cancellationToken) => inner.GetBearerTokenAsync(audience, cancellationToken);
    }
}
