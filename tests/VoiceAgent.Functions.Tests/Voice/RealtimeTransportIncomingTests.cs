using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Functions.Tests.Support;

namespace VoiceAgent.Functions.Tests.Voice;

/// <summary>
/// The incoming webhook of a shop on the relay transport: ConversationRelay to the real-time host while its
/// <c>/healthz</c> answers (a real Kestrel stand-in on a loopback port), else the call is not lost: it takes Gather.
/// </summary>
public sealed class RealtimeTransportIncomingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Incoming_RelayShopAndHealthyHost_ConnectsToTheRelayWithTheGreetingAndTheCallAsParameters()
    {
        await using var host = await RealtimeHostStandIn.StartAsync(RealtimeHealth.Healthy);
        await using var app = await RelayShopApp.StartAsync(azurite.ConnectionString, host.BaseUrl);
        var callSid = TwilioWebhookClient.NewCallSid();

        var twiml = await IncomingAsync(app, callSid);

        var connect = Assert.Single(twiml.Elements());
        Assert.Equal("Connect", connect.Name.LocalName);
        Assert.Equal(VoiceReplyRenderer.ConnectEndedPath, connect.Attribute("action")?.Value);
        Assert.Equal("POST", connect.Attribute("method")?.Value);
        var relay = Assert.Single(connect.Elements("ConversationRelay"));
        var url = new Uri(relay.Attribute("url")!.Value);
        Assert.Equal("ws", url.Scheme); // the stand-in is a local http host; an https one is wss (RealtimeHostUrlTests)
        Assert.Equal(host.BaseUrl.Authority, url.Authority);
        Assert.Equal("/relay", url.AbsolutePath);
        Assert.Empty(url.Query);
        Assert.StartsWith("Thanks for calling Northside Auto Care, John.", relay.Attribute("welcomeGreeting")?.Value, StringComparison.Ordinal);
        var parameters = relay.Elements("Parameter").ToDictionary(p => p.Attribute("name")!.Value, p => p.Attribute("value")!.Value, StringComparer.Ordinal);
        Assert.Equal(2, parameters.Count);
        Assert.Equal(DemoTenant.Id, parameters["tenantId"]);
        Assert.Equal(callSid, parameters["callSid"]);
        Assert.Empty(twiml.Descendants("Gather"));
    }

    [Fact]
    public async Task Incoming_RelayShopAndHealthyHost_StartsTheSessionTheHostWillAccept()
    {
        await using var host = await RealtimeHostStandIn.StartAsync(RealtimeHealth.Healthy);
        await using var app = await RelayShopApp.StartAsync(azurite.ConnectionString, host.BaseUrl);
        var callSid = TwilioWebhookClient.NewCallSid();

        var relay = (await IncomingAsync(app, callSid)).Descendants("ConversationRelay").Single();

        // What the host does with the relay's setup: the call its parameters name must be live for that tenant.
        var tenantId = relay.Elements("Parameter").Single(p => p.Attribute("name")?.Value == "tenantId").Attribute("value")!.Value;
        var session = await app.Services.GetRequiredService<InboundCallService>().FindLiveCallAsync(RelayShopApp.Call(callSid), tenantId, CancellationToken.None);
        Assert.NotNull(session);
        Assert.Equal("cust-john-smith", session.CustomerId);
        Assert.Equal(0, session.TurnCount);
    }

    [Theory]
    [InlineData(RealtimeHealth.Unavailable)]
    [InlineData(RealtimeHealth.Hanging)]
    public async Task Incoming_RelayShopAndUnhealthyHost_GreetsOverGather(RealtimeHealth health)
    {
        await using var host = await RealtimeHostStandIn.StartAsync(health);
        await using var app = await RelayShopApp.StartAsync(azurite.ConnectionString, host.BaseUrl);

        var twiml = await IncomingAsync(app, TwilioWebhookClient.NewCallSid());

        AssertGreetsOverGather(twiml);
        Assert.Equal(1, host.Checks);
    }

    [Fact]
    public async Task Incoming_RelayShopAndHostNotListening_GreetsOverGather()
    {
        await using var app = await RelayShopApp.StartAsync(azurite.ConnectionString, RealtimeHostStandIn.NotListening());

        var twiml = await IncomingAsync(app, TwilioWebhookClient.NewCallSid());

        AssertGreetsOverGather(twiml);
    }

    [Fact]
    public async Task Incoming_RelayShopAndNoRealtimeHostConfigured_GreetsOverGather()
    {
        await using var app = await RelayShopApp.StartAsync(azurite.ConnectionString, realtimeBaseUrl: null);

        var twiml = await IncomingAsync(app, TwilioWebhookClient.NewCallSid());

        AssertGreetsOverGather(twiml);
    }

    [Fact]
    public async Task Incoming_GatherShopAndHealthyHost_GreetsOverGatherWithoutAskingTheHost()
    {
        await using var host = await RealtimeHostStandIn.StartAsync(RealtimeHealth.Healthy);
        await using var app = await RelayShopApp.StartAsync(azurite.ConnectionString, host.BaseUrl, CallTransport.Gather);

        var twiml = await IncomingAsync(app, TwilioWebhookClient.NewCallSid());

        AssertGreetsOverGather(twiml);
        Assert.Equal(0, host.Checks);
    }

    [Fact]
    public async Task Incoming_HostBackAfterTheHealthAnswerExpired_ConnectsToTheRelayAgain()
    {
        await using var host = await RealtimeHostStandIn.StartAsync(RealtimeHealth.Unavailable);
        await using var app = await RelayShopApp.StartAsync(azurite.ConnectionString, host.BaseUrl);

        var whileDown = await IncomingAsync(app, TwilioWebhookClient.NewCallSid());
        host.Health = RealtimeHealth.Healthy;
        var withinTheCache = await IncomingAsync(app, TwilioWebhookClient.NewCallSid());
        app.Clock.Advance(TimeSpan.FromSeconds(11)); // past Realtime:HealthCacheSeconds (10 by default)
        var afterIt = await IncomingAsync(app, TwilioWebhookClient.NewCallSid());

        AssertGreetsOverGather(whileDown);
        AssertGreetsOverGather(withinTheCache);
        Assert.Single(afterIt.Descendants("ConversationRelay"));
        Assert.Equal(2, host.Checks);
    }

    private static async Task<XElement> IncomingAsync(FunctionsApp app, string callSid)
    {
        var twilio = new TwilioWebhookClient(app.CreateClient(), app.AuthToken);
        return await Twiml.ReadAsync(await twilio.PostAsync("/api/voice/incoming", TwilioWebhookClient.CallFields(callSid)));
    }

    /// <summary>The Gather greeting: John greeted by name, his answer posted to the turn webhook, no relay.</summary>
    private static void AssertGreetsOverGather(XElement twiml)
    {
        var gather = Assert.Single(twiml.Elements("Gather"));
        Assert.Equal(VoiceReplyRenderer.TurnPath, gather.Attribute("action")?.Value);
        Assert.StartsWith("Thanks for calling Northside Auto Care, John.", Twiml.Spoken(twiml), StringComparison.Ordinal);
        Assert.Empty(twiml.Descendants("Connect"));
    }
}
