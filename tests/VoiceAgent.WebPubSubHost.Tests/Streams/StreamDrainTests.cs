using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;
using VoiceAgent.TestSupport;
using VoiceAgent.TwilioApiStandIn;
using VoiceAgent.TwilioApiStandIn.Voice;
using VoiceAgent.WebPubSubHost.Events;
using VoiceAgent.WebPubSubHost.Tests.Events;
using VoiceAgent.WebPubSubHost.Tests.Support;
using VoiceAgent.Core.LiveEvents;

namespace VoiceAgent.WebPubSubHost.Tests.Streams;

/// <summary>
/// The host stopping with a live stream call: the call is redirected to the functions' <c>/api/voice/connect-ended</c>
/// through Twilio's REST API (the stand-in, reached by the host's own Twilio client), with the drained reason stored
/// for that webhook to carry the conversation on over Gather.
/// </summary>
public sealed class StreamDrainTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string FunctionsBaseUrl = "https://functions.example.test";

    [Fact]
    public async Task HostStopping_LiveStreamCall_RedirectedToConnectEndedWithTheDrainedReasonStored()
    {
        var authToken = Guid.NewGuid().ToString("N");
        var phone = new HeldLine();
        await using var twilioApi = await TwilioStandIn.StartAsync(new TwilioStandInOptions { AuthToken = authToken, Phone = phone }, CancellationToken.None);
        var host = await RealtimeHost.StartAsync(
            azurite.ConnectionString,
            new Dictionary<string, string>
            {
                ["Twilio:AccountSid"] = twilioApi.AccountSid,
                ["Twilio:ApiBaseUrl"] = twilioApi.BaseUrl.AbsoluteUri,
                ["Realtime:FunctionsBaseUrl"] = FunctionsBaseUrl,
            },
            services => StreamCallTests.UseSpeech(services, new ScriptedRecognizer([]), new ToneSynthesizer(TimeSpan.FromMilliseconds(5))),
            authToken);
        try
        {
            // A call Twilio has live: placed through the stand-in (it answers and holds the line), then answered by core.
            var placed = await host.Services.GetRequiredService<TwilioMessaging>()
                .CreateCallAsync(RelayTwilio.ShopNumber, RelayTwilio.JohnSmith, new Uri("https://functions.example.test/api/voice/incoming"), new Uri("https://functions.example.test/api/voice/status"), CancellationToken.None);
            await phone.Answered.WaitAsync(TimeSpan.FromSeconds(10));
            var callSid = await StreamCallTests.AnswerAsync(host, placed.Sid);
            await using var twilio = await StreamTwilio.ConnectAsync(host);
            await twilio.StartAsync(callSid, DemoTenant.Id);
            Assert.True(await Eventually.TrueAsync(() => host.Events.All.Any(e => e is CallStarted)));

            await host.StopAsync();
            await twilio.Closed.WaitAsync(TimeSpan.FromSeconds(10));

            var update = Assert.Single(Assert.Single(twilioApi.Calls).Updates);
            Assert.Equal((LiveCallUpdateKind.Redirect, $"{FunctionsBaseUrl}/api/voice/connect-ended", "POST"), (update.Kind, update.Url, update.Method));
            var session = await host.Services.GetRequiredService<CallSessionStore>().FindAsync(DemoTenant.Id, callSid, CancellationToken.None);
            Assert.Equal(RealtimeHandoff.Drained, session!.RealtimeEndReason);
            var call = new InboundCall(CallSid.TryParse(callSid, out var sid) ? sid : default, PhoneNumber.Parse(RelayTwilio.ShopNumber), PhoneNumber.Parse(RelayTwilio.JohnSmith));
            var next = await host.Services.GetRequiredService<InboundCallService>().AfterRealtimeAsync(call, handoff: null, CancellationToken.None);
            Assert.Equal(CallAction.Listen, next.Action);
        }
        finally
        {
            phone.HangUp();
            await host.DisposeAsync();
        }
    }

    /// <summary>A person who answers and stays on the line until the call is redirected or the test hangs up.</summary>
    private sealed class HeldLine : IOutboundPhone
    {
        private readonly TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenSource _hangUp = new();

        public Task Answered => _answered.Task;

        public void HangUp() => _hangUp.Cancel();

        public ValueTask<PhoneAnswer> RingAsync(OutboundRing ring, CancellationToken cancellationToken) => ValueTask.FromResult(PhoneAnswer.Person());

        public async Task<PhoneConversation> TalkAsync(AnsweredCall call, CancellationToken cancellationToken)
        {
            _answered.TrySetResult();
            using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _hangUp.Token);
            while (!either.IsCancellationRequested && call.TakeUpdate() is null)
            {
                await Task.Delay(20, CancellationToken.None);
            }

            return new PhoneConversation(TimeSpan.Zero, []);
        }
    }
}
