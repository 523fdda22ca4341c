using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;
using VoiceAgent.TestSupport;
using VoiceAgent.WebPubSubHost.Events;
using VoiceAgent.WebPubSubHost.Tests.Support;
using VoiceAgent.Core.LiveEvents;

namespace VoiceAgent.WebPubSubHost.Tests.Relay;

/// <summary>
/// Whole calls over ConversationRelay against the real host on a loopback socket, with the offline engine and Azurite
/// storage: the call is answered (its session created) as the incoming webhook does, then Twilio's side of the socket
/// is played message by message.
/// </summary>
public sealed class RelayCallTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Booking_ReadBackThenYes_BookedInStorageAndTheGoodbyeEndsTheSession()
    {
        await using var host = await RealtimeHost.StartAsync(azurite.ConnectionString);
        var callSid = await AnswerAsync(host);
        await using var twilio = await RelayTwilio.ConnectAsync(host);
        await twilio.SetupAsync(callSid, DemoTenant.Id);

        await twilio.PromptAsync("Hi, I'd like to book an oil change for tomorrow at 9 am");
        var readBack = await twilio.ReadReplyAsync();
        await twilio.PromptAsync("yes");
        var booked = await twilio.ReadReplyAsync();
        await twilio.PromptAsync("no, that's all, thanks");
        var goodbye = await twilio.ReadReplyAsync();
        var end = goodbye.Handoff is null ? await twilio.ReadReplyAsync() : goodbye;

        Assert.Contains("9", readBack.Text, StringComparison.Ordinal);
        Assert.Contains("?", readBack.Text, StringComparison.Ordinal);
        Assert.Matches("(?i)all set|booked", booked.Text);
        Assert.Equal(RealtimeHandoff.Goodbye, end.Handoff?.Reason);
        var appointments = await host.Services.GetRequiredService<AppointmentStore>()
            .ListAsync(DemoTenant.Id, new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 2), "cust-john-smith", CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(-6)), Assert.Single(appointments).Start);
        var turns = await host.Services.GetRequiredService<CallSessionStore>().ListTurnsAsync(DemoTenant.Id, callSid, CancellationToken.None);
        Assert.Equal(["Hi, I'd like to book an oil change for tomorrow at 9 am", "yes", "no, that's all, thanks"], turns.Select(t => t.CallerSpeech));
        Assert.Contains(host.Events.All, e => e is CallStarted { Transport: "relay" });
        Assert.Contains(host.Events.All, e => e is TurnLatency);
        Assert.Contains(host.Events.All, e => e is CallerTranscript { Final: true, Text: "yes" });
        // Reported once, by the session: core's turn record reports only a Gather turn's words and latency.
        Assert.Single(host.Events.All, e => e is CallerTranscript { Text: "yes" });
        Assert.Equal(3, host.Events.All.Count(e => e is TurnLatency));
    }

    [Fact]
    public async Task Transfer_AskedForAPerson_EndsWithTheTransferHandoffAndTheTargetStored()
    {
        await using var host = await RealtimeHost.StartAsync(azurite.ConnectionString);
        var callSid = await AnswerAsync(host);
        await using var twilio = await RelayTwilio.ConnectAsync(host);
        await twilio.SetupAsync(callSid, DemoTenant.Id);

        await twilio.PromptAsync("Can I just talk to a real person please?");
        var answer = await twilio.ReadReplyAsync();
        var end = answer.Handoff is null ? await twilio.ReadReplyAsync() : answer;

        Assert.Equal(RealtimeHandoff.Transfer, end.Handoff?.Reason);
        var session = await host.Services.GetRequiredService<CallSessionStore>().FindAsync(DemoTenant.Id, callSid, CancellationToken.None);
        Assert.False(string.IsNullOrEmpty(session!.TransferredTo));
    }

    [Fact]
    public async Task Interrupt_DuringTheReply_TheTranscriptKeepsOnlyWhatWasHeard()
    {
        await using var host = await RealtimeHost.StartAsync(azurite.ConnectionString);
        var callSid = await AnswerAsync(host);
        await using var twilio = await RelayTwilio.ConnectAsync(host);
        await twilio.SetupAsync(callSid, DemoTenant.Id);

        await twilio.PromptAsync("What are your hours?");
        var hours = await twilio.ReadReplyAsync();
        var heard = string.Join(' ', hours.Text.Split(' ').Take(3));
        await twilio.InterruptAsync(heard);
        await twilio.PromptAsync("Where are you located?");
        var address = await twilio.ReadReplyAsync();

        Assert.Contains("1200 North Ave", address.Text, StringComparison.Ordinal);
        var turns = await host.Services.GetRequiredService<CallSessionStore>().ListTurnsAsync(DemoTenant.Id, callSid, CancellationToken.None);
        Assert.Equal($"{heard} (cut off)", turns[0].AgentSpeech);
        Assert.Contains(host.Events.All, e => e is BargedIn b && b.Heard == heard);
    }

    [Fact]
    public async Task Silence_AfterTheReply_TheCallerIsAskedAgain()
    {
        await using var host = await RealtimeHost.StartAsync(azurite.ConnectionString, new Dictionary<string, string> { ["Realtime:SilenceSeconds"] = "5" });
        var callSid = await AnswerAsync(host);
        await using var twilio = await RelayTwilio.ConnectAsync(host);
        await twilio.SetupAsync(callSid, DemoTenant.Id);
        await twilio.PromptAsync("What are your hours?");
        var hours = await twilio.ReadReplyAsync();

        // Long enough for any reply to have been spoken, and the silence after it.
        var reprompt = ReadAfterAdvancingAsync(host, twilio, TimeSpan.FromSeconds(60));

        Assert.False(string.IsNullOrWhiteSpace((await reprompt).Text));
        var turns = await host.Services.GetRequiredService<CallSessionStore>().ListTurnsAsync(DemoTenant.Id, callSid, CancellationToken.None);
        Assert.Equal(2, turns.Count);
        Assert.Null(turns[1].CallerSpeech);
        Assert.NotEqual(hours.Text, string.Empty);
    }

    [Fact]
    public async Task Silence_RightAfterTheGreeting_TheCallerIsAskedAgain()
    {
        await using var host = await RealtimeHost.StartAsync(azurite.ConnectionString);
        var callSid = await AnswerAsync(host);
        await using var twilio = await RelayTwilio.ConnectAsync(host);
        await twilio.SetupAsync(callSid, DemoTenant.Id);

        var reprompt = await ReadAfterAdvancingAsync(host, twilio, TimeSpan.FromSeconds(60));

        Assert.Matches("(?i)didn't hear", reprompt.Text);
        var turns = await host.Services.GetRequiredService<CallSessionStore>().ListTurnsAsync(DemoTenant.Id, callSid, CancellationToken.None);
        Assert.Null(Assert.Single(turns).CallerSpeech);
    }

    [Fact]
    public async Task Setup_NamingNoLiveCall_ClosedAsAPolicyViolation()
    {
        await using var host = await RealtimeHost.StartAsync(azurite.ConnectionString);
        await using var twilio = await RelayTwilio.ConnectAsync(host);

        await twilio.SetupAsync("CA" + Guid.NewGuid().ToString("N"), DemoTenant.Id);
        var answer = await twilio.ReadReplyAsync();

        Assert.True(answer.Closed);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, twilio.CloseStatus);
        Assert.DoesNotContain(host.Events.All, e => e is CallStarted);
    }

    [Fact]
    public async Task Setup_ParametersNameAnotherCall_ClosedAsAPolicyViolation()
    {
        await using var host = await RealtimeHost.StartAsync(azurite.ConnectionString);
        var callSid = await AnswerAsync(host);
        await using var twilio = await RelayTwilio.ConnectAsync(host);

        await twilio.SetupAsync("CA" + Guid.NewGuid().ToString("N"), DemoTenant.Id, claimedCallSid: callSid);
        var answer = await twilio.ReadReplyAsync();

        Assert.True(answer.Closed);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, twilio.CloseStatus);
    }

    [Fact]
    public async Task Upgrade_BadSignature_RefusedBeforeTheSocketOpens()
    {
        await using var host = await RealtimeHost.StartAsync(azurite.ConnectionString);

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => RelayTwilio.ConnectAsync(host, signature: "AAAAAAAAAAAAAAAAAAAAAAAAAAA="));

        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
        Assert.Empty(host.Events.All);
    }

    [Fact]
    public async Task HostStopping_LiveCall_HandedBackWithTheDrainedHandoff()
    {
        var host = await RealtimeHost.StartAsync(azurite.ConnectionString);
        try
        {
            var callSid = await AnswerAsync(host);
            await using var twilio = await RelayTwilio.ConnectAsync(host);
            await twilio.SetupAsync(callSid, DemoTenant.Id);
            await twilio.PromptAsync("What are your hours?");
            await twilio.ReadReplyAsync();

            var stopping = host.StopAsync();
            var end = await twilio.ReadReplyAsync();
            await stopping;

            Assert.Equal(RealtimeHandoff.Drained, end.Handoff?.Reason);
            Assert.False(end.Handoff!.EndsConversation);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>Answers an inbound call from John Smith to the demo shop, as the incoming webhook does: its session exists.</summary>
    private static async Task<string> AnswerAsync(RealtimeHost host)
    {
        var callSid = "CA" + Guid.NewGuid().ToString("N");
        var call = new InboundCall(CallSidOf(callSid), PhoneNumber.Parse(RelayTwilio.ShopNumber), PhoneNumber.Parse(RelayTwilio.JohnSmith));
        await host.Services.GetRequiredService<InboundCallService>().AnswerAsync(call, CancellationToken.None);
        return callSid;
    }

    private static CallSid CallSidOf(string value) => CallSid.TryParse(value, out var sid) ? sid : throw new ArgumentException(value);

    private static async Task<RelayAnswer> ReadAfterAdvancingAsync(RealtimeHost host, RelayTwilio twilio, TimeSpan by)
    {
        var next = twilio.ReadReplyAsync();
        // The silence timer starts when the session has handled the finished turn: move time until it fires.
        for (var i = 0; i < 100 && !next.IsCompleted; i++)
        {
            host.Clock.Advance(by);
            await Task.WhenAny(next, Task.Delay(50));
        }

        return await next;
    }
}
