using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;
using VoiceAgent.CallSimulator.Scenarios;
using VoiceAgent.Simulator.Tests.TwilioApi;

namespace VoiceAgent.Simulator.Tests.Scenarios;

public sealed class TwilioActivityTests
{
    [Fact]
    public async Task Describe_TextsAndCalls_InTheOrderAcceptedWithLocalTimeAndUtc()
    {
        await using var twilio = await StandInUnderTest.StartAsync();
        await MessageResource.CreateAsync(new PhoneNumber("+15555550102"), from: new PhoneNumber("+15555550100"), body: "first", client: twilio.Client);
        var call = await CallResource.CreateAsync(TwilioStandInCallsTests.Options(), twilio.Client);
        await MessageResource.CreateAsync(new PhoneNumber("+15555550102"), from: new PhoneNumber("+15555550100"), body: "second", client: twilio.Client);
        Assert.True(await twilio.StandIn.WaitForIdleAsync(TimeSpan.FromSeconds(10), CancellationToken.None));

        var lines = TwilioActivity.Describe(twilio.StandIn, VoiceAgent.Core.Tenants.DemoTenant.Profile);

        Assert.Equal(
            [
                "text to +15555550102 at Tue 2026-12-01 09:15 (2026-12-01T15:15Z): \"first\"",
                $"call {call.Sid} to +15555550102 at Tue 2026-12-01 09:15 (2026-12-01T15:15Z): no-answer",
                "text to +15555550102 at Tue 2026-12-01 09:15 (2026-12-01T15:15Z): \"second\"",
            ],
            lines);
    }
}
