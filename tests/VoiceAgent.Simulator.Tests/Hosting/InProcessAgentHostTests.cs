using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Twilio.Clients;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;
using VoiceAgent.CallSimulator.Hosting;
using VoiceAgent.CallSimulator.Scenarios;
using VoiceAgent.CallSimulator.Telephony;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Tenants;
using VoiceAgent.TwilioApiStandIn;

namespace VoiceAgent.Simulator.Tests.Hosting;

public sealed class InProcessAgentHostTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 15, 0, TimeSpan.FromHours(-6));

    [Fact]
    public async Task Call_ThroughSignedWebhooks_StoresTheSessionOnTheFakeClockAndItsEnd()
    {
        await using var host = await InProcessAgentHost.StartAsync(azurite.ConnectionString, "hostTest1", Now, CancellationToken.None);
        using var http = new HttpClient();
        var client = new TwilioWebhookClient(http, host.BaseUrl, InProcessAgentHost.PublicBaseUrl, host.AuthToken);
        var call = CallIdentity.NewInbound("+15555550101", DemoTenant.Number);

        var result = await new SimulatedCall(client, new ScriptedCaller(["Great, that's all, thanks. Bye"]), host.Clock, new SimulatedCallOptions { AdvanceClock = host.Clock.Advance })
            .RunAsync(call, CancellationToken.None);
        var session = await host.Services.GetRequiredService<CallSessionStore>().FindAsync(DemoTenant.Id, call.CallSid, CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Contains("John", result.AgentSaid.First(), StringComparison.Ordinal);
        Assert.NotNull(session);
        Assert.Equal(Now, session.StartedAt);
        Assert.Equal(CallStatuses.Completed, session.Status);
        Assert.Equal((int)Math.Ceiling(result.Duration.TotalSeconds), session.DurationSeconds);
        Assert.Equal(Now + result.Duration, host.Clock.GetUtcNow());
    }

    [Fact]
    public async Task StartAsync_WithATwilioStandIn_TheAppsTwilioClientReachesItAsItsAccount()
    {
        var clock = new FakeTimeProvider(Now);
        await using var twilio = await TwilioStandIn.StartAsync(new TwilioStandInOptions { AuthToken = "host-test-token", Time = clock }, CancellationToken.None);
        await using var host = await InProcessAgentHost.StartAsync(azurite.ConnectionString, "hostTest3", clock, twilio, CancellationToken.None);

        var sent = await MessageResource.CreateAsync(new PhoneNumber("+15555550102"), from: new PhoneNumber(DemoTenant.Number), body: "hello", client: host.Services.GetRequiredService<ITwilioRestClient>());

        Assert.Equal("host-test-token", host.AuthToken);
        Assert.Equal(sent.Sid, Assert.Single(twilio.Messages).Sid);
        Assert.Equal(Now, twilio.Messages[0].DateCreated);
    }

    [Fact]
    public async Task Post_WithAWrongToken_IsRejectedAsAFailedCall()
    {
        await using var host = await InProcessAgentHost.StartAsync(azurite.ConnectionString, "hostTest2", Now, CancellationToken.None);
        using var http = new HttpClient();
        var client = new TwilioWebhookClient(http, host.BaseUrl, InProcessAgentHost.PublicBaseUrl, "not-the-token");

        var result = await new SimulatedCall(client, new ScriptedCaller([]), host.Clock, new SimulatedCallOptions())
            .RunAsync(CallIdentity.NewInbound("+15555550101", DemoTenant.Number), CancellationToken.None);

        Assert.Equal(CallEnding.Failed, result.Ending);
        Assert.Contains("HTTP 403", result.Error, StringComparison.Ordinal);
    }
}
