using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoiceAgent.Core.Hosting;
using VoiceAgent.WebPubSubHost.Events;

namespace VoiceAgent.WebPubSubHost.Tests.Events;

/// <summary>
/// <c>/events</c> on a real Kestrel host with core's staff sign-in (dev tokens): a staff member gets their own tenant's
/// events only, and nobody gets in without a credential.
/// </summary>
public sealed class CallEventsEndpointTests : IAsyncLifetime
{
    private const string NorthsideToken = "northside-dev-token-0123456789";
    private const string SouthsideToken = "southside-dev-token-9876543210";

    private static readonly DateTimeOffset At = new(2026, 12, 1, 15, 15, 0, TimeSpan.Zero);

    private WebApplication _app = null!;

    private Uri EventsUri => new(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()
        .Replace("http://", "ws://", StringComparison.Ordinal) + CallEventsEndpoints.Path);

    private ICallEventPublisher Publisher => _app.Services.GetRequiredService<ICallEventPublisher>();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true", // never reached: dev tokens need no table
            ["Storage:CreateTablesOnStart"] = "false",
            ["Twilio:AuthToken"] = "test-auth-token", // core's services as the host runs them; no webhook is called here
            ["Twilio:PublicBaseUrl"] = "https://host.example.com",
            ["StaffAuth:DevTokens:northside"] = NorthsideToken,
            ["StaffAuth:DevTokens:southside"] = SouthsideToken,
        });
        builder.Services.AddVoiceAgentCore(builder.Configuration);
        builder.Services.AddCallEvents(builder.Configuration);
        _app = builder.Build();
        _app.MapCallEvents();
        await _app.StartAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Connect_StaffDevToken_ReceivesOwnTenantsEventsOnly()
    {
        await using var northside = await ConnectAsync(NorthsideToken);
        Assert.True(await Eventually.TrueAsync(() => _app.Services.GetRequiredService<LocalEventFanOut>().Count == 1));

        await Publisher.PublishAsync(new AgentSentence("southside", "CA02", At, "Howdy"), CancellationToken.None);
        await Publisher.PublishAsync(new AgentSentence("northside", "CA01", At, "Hello"), CancellationToken.None);

        Assert.Equal(Json(new AgentSentence("northside", "CA01", At, "Hello")), await northside.ReceiveTextAsync());
    }

    [Fact]
    public async Task Connect_NoCredential_RefusedWith401()
    {
        var status = await WebSocketTestClient.RefusalStatusAsync(EventsUri);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Connect_UnknownToken_RefusedWith401()
    {
        var status = await WebSocketTestClient.RefusalStatusAsync(EventsUri, options => options.SetRequestHeader("Authorization", "Bearer not-a-staff-token"));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Close_ClientLeaves_SubscriptionEnds()
    {
        var fanOut = _app.Services.GetRequiredService<LocalEventFanOut>();
        var client = await ConnectAsync(SouthsideToken);
        Assert.True(await Eventually.TrueAsync(() => fanOut.Count == 1));

        await client.DisposeAsync();

        Assert.True(await Eventually.TrueAsync(() => fanOut.Count == 0));
    }

    private Task<WebSocketTestClient> ConnectAsync(string token) =>
        WebSocketTestClient.ConnectAsync(EventsUri, options => options.SetRequestHeader("Authorization", "Bearer " + token));

    private static string Json(CallEvent callEvent) => System.Text.Encoding.UTF8.GetString(CallEventJson.ToUtf8(callEvent));
}
