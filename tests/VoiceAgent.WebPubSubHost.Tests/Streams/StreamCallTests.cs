using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;
using VoiceAgent.TestSupport;
using VoiceAgent.WebPubSubHost.Events;
using VoiceAgent.WebPubSubHost.Speech;
using VoiceAgent.WebPubSubHost.Speech.Local;
using VoiceAgent.WebPubSubHost.Tests.Support;
using VoiceAgent.WebPubSubHost.Tests.Vad;
using VoiceAgent.WebPubSubHost.Vad;
using VoiceAgent.Core.LiveEvents;

namespace VoiceAgent.WebPubSubHost.Tests.Streams;

/// <summary>
/// Whole calls over Media Streams against the real host on a loopback socket, with the offline engine and Azurite
/// storage: the call is answered (its session created) as the incoming webhook does, then Twilio's side of the stream
/// plays the caller's audio in real time (flite speech) and plays the agent's back, echoing marks as Twilio does.
/// The recognizer and synthesizer are fakes (scripted words; a tone as long as the text) unless a test says otherwise.
/// </summary>
/// <remarks>Category RealTime: tools/test runs these alone, after the other test projects (the caller's audio is real time).</remarks>
[Trait("Category", "RealTime")]
public sealed class StreamCallTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string BookingRequest = "Hi, I'd like to book an oil change for tomorrow at 9 am";

    [Fact]
    public async Task Booking_SpokenRequestThenYes_AgentAnswersInAudioAndTheAppointmentIsStored()
    {
        var recognizer = new ScriptedRecognizer([BookingRequest, "yes", "no, that's all, thanks"]);
        var synthesizer = new ToneSynthesizer(TimeSpan.FromMilliseconds(5));
        await using var host = await StartAsync(recognizer, synthesizer);
        var callSid = await AnswerAsync(host);
        await using var twilio = await StreamTwilio.ConnectAsync(host);
        await twilio.StartAsync(callSid, DemoTenant.Id);

        await SayAndHearAsync(twilio, BookingRequest);
        await SayAndHearAsync(twilio, "yes");
        await twilio.SayAsync(TestAudio.Speech("no, that's all, thanks"));
        await twilio.Closed.WaitAsync(TimeSpan.FromSeconds(30));

        var appointments = await host.Services.GetRequiredService<AppointmentStore>()
            .ListAsync(DemoTenant.Id, new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 2), "cust-john-smith", CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(-6)), Assert.Single(appointments).Start);
        var turns = await host.Services.GetRequiredService<CallSessionStore>().ListTurnsAsync(DemoTenant.Id, callSid, CancellationToken.None);
        Assert.Equal([BookingRequest, "yes", "no, that's all, thanks"], turns.Select(t => t.CallerSpeech));
        var audio = twilio.Received.Where(m => m.Event == "media").Sum(m => m.Audio.Length);
        Assert.Equal(synthesizer.Spoken.Sum(text => (int)(synthesizer.LengthOf(text).TotalSeconds * 8000)), audio);
        Assert.Equal(["yes", "no", "yeah", "yes please", "no thanks", "no thank you"], recognizer.Heard.ElementAt(1).ExpectedPhrases);
        var session = await host.Services.GetRequiredService<CallSessionStore>().FindAsync(DemoTenant.Id, callSid, CancellationToken.None);
        Assert.Equal(RealtimeHandoff.Goodbye, session!.RealtimeEndReason);
        Assert.Contains(host.Events.All, e => e is CallStarted { Transport: "stream" });
    }

    [Fact]
    public async Task Booking_YesToTheReadBackHeardByPocketSphinx_Booked()
    {
        var pocketSphinx = new PocketSphinxRecognizer(Options.Create(new PocketSphinxOptions()));
        var recognizer = new ScriptedRecognizer([BookingRequest], narrow: pocketSphinx);
        await using var host = await StartAsync(recognizer, new ToneSynthesizer(TimeSpan.FromMilliseconds(5)));
        var callSid = await AnswerAsync(host);
        await using var twilio = await StreamTwilio.ConnectAsync(host);
        await twilio.StartAsync(callSid, DemoTenant.Id);

        await SayAndHearAsync(twilio, BookingRequest);
        await SayAndHearAsync(twilio, "yes");

        var turns = await TurnsAsync(host, callSid, count: 2);
        Assert.Equal("yes", turns[1].CallerSpeech);
        var appointments = await host.Services.GetRequiredService<AppointmentStore>()
            .ListAsync(DemoTenant.Id, new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 2), "cust-john-smith", CancellationToken.None);
        Assert.Single(appointments);
    }

    [Fact]
    public async Task ShortAnswer_YepShorterThanATurnWhileTheCallerHasTheFloor_IsRecognizedAndBooks()
    {
        var yep = TestAudio.Speech("yep");
        var (start, end) = TestAudio.Extent(yep);
        Assert.True(end - start < TimeSpan.FromMilliseconds(new VoiceActivityOptions().MinUtteranceMilliseconds), "flite's \"yep\" is voice too short for a turn");
        var recognizer = new ScriptedRecognizer([BookingRequest, "yep"]);
        await using var host = await StartAsync(recognizer, new ToneSynthesizer(TimeSpan.FromMilliseconds(5)));
        var callSid = await AnswerAsync(host);
        await using var twilio = await StreamTwilio.ConnectAsync(host);
        await twilio.StartAsync(callSid, DemoTenant.Id);

        await SayAndHearAsync(twilio, BookingRequest);
        var before = twilio.Received.Count;
        await twilio.SayAsync(yep);
        await twilio.WaitUntilHeardAsync(before);

        var turns = await TurnsAsync(host, callSid, count: 2);
        Assert.Equal("yep", turns[1].CallerSpeech);
        Assert.Equal(2, recognizer.Heard.Count);
        var appointments = await host.Services.GetRequiredService<AppointmentStore>()
            .ListAsync(DemoTenant.Id, new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 2), "cust-john-smith", CancellationToken.None);
        Assert.Single(appointments);
    }

    [Fact]
    public async Task BargeIn_CallerSpeaksOneSecondIntoTheReply_ClearedAtOnceAndTheTranscriptKeepsWhatWasHeard()
    {
        var recognizer = new ScriptedRecognizer(["What are your hours?", "Where are you located?"]);
        var synthesizer = new ToneSynthesizer(SlowPerCharacter);
        await using var host = await StartAsync(recognizer, synthesizer);
        var callSid = await AnswerAsync(host);
        await using var twilio = await StreamTwilio.ConnectAsync(host);
        await twilio.StartAsync(callSid, DemoTenant.Id);

        var question = twilio.Received.Count;
        await twilio.SayAsync(TestAudio.Speech("What are your hours?"));
        var replyStarts = (await twilio.WaitForAsync(m => m.Event == "media" && twilio.Received.ToList().IndexOf(m) >= question)).ArrivedAt;
        await WaitForReplyUnderwayAsync(twilio, replyStarts);

        var speech = TestAudio.Speech("Where are you located?");
        var spoken = twilio.SayAsync(speech);
        var clear = await twilio.WaitForAsync(m => m.Event == "clear");
        var onset = await spoken + TestAudio.Extent(speech).Start;
        await twilio.WaitUntilHeardAsync(twilio.Received.Count);

        Assert.InRange(clear.ArrivedAt - onset, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
        var received = twilio.Received.ToList();
        var afterClear = received.Skip(received.IndexOf(clear) + 1).ToList();
        Assert.DoesNotContain(afterClear, m => m.Event == "mark" && m.Turn == 1);
        var firstTurnLines = received.Count(m => m.Event == "mark" && m.Turn == 1);
        var heard = twilio.Echoed.Count(e => !e.Cleared && e.Name.StartsWith("1:", StringComparison.Ordinal));
        Assert.InRange(heard, 1, firstTurnLines - 1);
        var heardText = string.Join(' ', synthesizer.Spoken.Take(heard));
        var turns = await TurnsAsync(host, callSid, count: 2);
        Assert.Equal($"{heardText} (cut off)", turns[0].AgentSpeech);
        Assert.Equal("Where are you located?", turns[1].CallerSpeech);
        Assert.Contains(host.Events.All, e => e is BargedIn b && b.Heard == heardText);
    }

    [Fact]
    public async Task Cough_OneSecondIntoTheReply_TheAgentPausesThenSaysTheWholeReply()
    {
        var recognizer = new ScriptedRecognizer(["What are your hours?"]);
        var synthesizer = new ToneSynthesizer(SlowPerCharacter);
        await using var host = await StartAsync(recognizer, synthesizer);
        var callSid = await AnswerAsync(host);
        await using var twilio = await StreamTwilio.ConnectAsync(host);
        await twilio.StartAsync(callSid, DemoTenant.Id);

        await twilio.SayAsync(TestAudio.Speech("What are your hours?"));
        var replyStarts = (await twilio.WaitForAsync(m => m.Event == "media")).ArrivedAt;
        await WaitForReplyUnderwayAsync(twilio, replyStarts);
        await twilio.SayAsync(TestAudio.LoudestStretch(TestAudio.Speech("What are your hours?"), TimeSpan.FromMilliseconds(150)));
        await twilio.WaitForAsync(m => m.Event == "clear");
        await twilio.WaitUntilHeardAsync(twilio.Received.Count, quiet: TimeSpan.FromSeconds(1));

        var turns = await TurnsAsync(host, callSid, count: 1);
        var reply = Assert.Single(turns).AgentSpeech!;
        var lines = synthesizer.Spoken.Distinct().ToList();
        Assert.Equal(reply, string.Join(' ', lines));
        var heardLines = twilio.Echoed.Where(e => !e.Cleared).Select(e => e.Name.Split(':')[1]).ToList();
        Assert.Equal(Enumerable.Range(0, lines.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), heardLines);
        Assert.DoesNotContain(host.Events.All, e => e is BargedIn);
    }

    [Fact]
    public async Task Transfer_AskedForAPerson_TheReasonIsStoredAndTheStreamClosedOnceHeard()
    {
        var synthesizer = new ToneSynthesizer(TimeSpan.FromMilliseconds(5));
        await using var host = await StartAsync(new ScriptedRecognizer(["Can I just talk to a real person please?"]), synthesizer);
        var callSid = await AnswerAsync(host);
        await using var twilio = await StreamTwilio.ConnectAsync(host);
        await twilio.StartAsync(callSid, DemoTenant.Id);

        await twilio.SayAsync(TestAudio.Speech("Can I just talk to a real person please?"));
        await twilio.Closed.WaitAsync(TimeSpan.FromSeconds(30));

        var marks = twilio.Received.Where(m => m.Event == "mark").Select(m => m.Mark).ToList();
        Assert.NotEmpty(marks);
        Assert.Equal(marks, twilio.Echoed.Where(e => !e.Cleared).Select(e => e.Name));
        var session = await host.Services.GetRequiredService<CallSessionStore>().FindAsync(DemoTenant.Id, callSid, CancellationToken.None);
        Assert.Equal(RealtimeHandoff.Transfer, session!.RealtimeEndReason);
        var call = new InboundCall(CallSid.TryParse(callSid, out var sid) ? sid : default, PhoneNumber.Parse(RelayTwilio.ShopNumber), PhoneNumber.Parse(RelayTwilio.JohnSmith));
        var next = await host.Services.GetRequiredService<InboundCallService>().AfterRealtimeAsync(call, handoff: null, CancellationToken.None);
        Assert.Equal((Core.Conversation.CallAction.Transfer, session.TransferredTo), (next.Action, next.TransferTo));
    }

    [Fact]
    public async Task Silence_AfterTheReplyWasHeard_TheCallerIsAskedAgain()
    {
        await using var host = await StartAsync(new ScriptedRecognizer(["What are your hours?"]), new ToneSynthesizer(TimeSpan.FromMilliseconds(5)));
        var callSid = await AnswerAsync(host);
        await using var twilio = await StreamTwilio.ConnectAsync(host);
        await twilio.StartAsync(callSid, DemoTenant.Id);
        await SayAndHearAsync(twilio, "What are your hours?");

        // The silence timer starts once the last mark came back: move the host's clock until it fires.
        var reprompt = twilio.WaitForAsync(m => m.Event == "mark" && m.Turn == 2);
        for (var i = 0; i < 100 && !reprompt.IsCompleted; i++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(60));
            await Task.WhenAny(reprompt, Task.Delay(50));
        }

        await reprompt;
        // The reprompt is spoken as it streams; its turn is saved when the engine's reply is whole.
        var turns = await TurnsAsync(host, callSid, count: 2);
        Assert.Equal(2, turns.Count);
        Assert.Null(turns[1].CallerSpeech);
    }

    [Fact]
    public async Task Upgrade_BadSignature_RefusedBeforeTheSocketOpens()
    {
        await using var host = await StartAsync(new ScriptedRecognizer([]), new ToneSynthesizer(PerCharacter));

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => StreamTwilio.ConnectAsync(host, signature: "AAAAAAAAAAAAAAAAAAAAAAAAAAA="));

        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
        Assert.Empty(host.Events.All);
    }

    [Fact]
    public async Task Start_ParametersNameAnotherCall_ClosedAsAPolicyViolation()
    {
        await using var host = await StartAsync(new ScriptedRecognizer([]), new ToneSynthesizer(PerCharacter));
        var callSid = await AnswerAsync(host);
        await using var twilio = await StreamTwilio.ConnectAsync(host);

        await twilio.StartAsync("CA" + Guid.NewGuid().ToString("N"), DemoTenant.Id, claimedCallSid: callSid);
        await twilio.Closed.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, twilio.CloseStatus);
        Assert.DoesNotContain(host.Events.All, e => e is CallStarted);
    }

    /// <summary>A fast talker's tone: the hours' first sentence is heard within a second, the whole reply takes longer.</summary>
    private static TimeSpan PerCharacter => TimeSpan.FromMilliseconds(12);

    /// <summary>A slower tone: seconds of the reply are still to play when the caller speaks over it.</summary>
    private static TimeSpan SlowPerCharacter => TimeSpan.FromMilliseconds(20);

    /// <summary>The call's turns once there are <paramref name="count"/> (at most 10 s): a turn is saved a moment after its audio.</summary>
    private static async Task<IReadOnlyList<CallTurn>> TurnsAsync(RealtimeHost host, string callSid, int count)
    {
        var store = host.Services.GetRequiredService<CallSessionStore>();
        for (var waited = 0; ; waited += 50)
        {
            var turns = await store.ListTurnsAsync(DemoTenant.Id, callSid, CancellationToken.None);
            if (turns.Count >= count || waited >= 10_000)
            {
                return turns;
            }

            await Task.Delay(50);
        }
    }

    private Task<RealtimeHost> StartAsync(ISpeechRecognizer recognizer, ISpeechSynthesizer synthesizer) =>
        RealtimeHost.StartAsync(azurite.ConnectionString, services: services => UseSpeech(services, recognizer, synthesizer));

    internal static void UseSpeech(IServiceCollection services, ISpeechRecognizer recognizer, ISpeechSynthesizer synthesizer)
    {
        services.RemoveAll<ISpeechRecognizer>();
        services.RemoveAll<ISpeechSynthesizer>();
        services.AddSingleton(recognizer);
        services.AddSingleton(synthesizer);
    }

    /// <summary>The caller says <paramref name="words"/> (flite) and hears the agent's whole answer.</summary>
    private static async Task SayAndHearAsync(TwilioMediaStream twilio, string words)
    {
        var before = twilio.Received.Count;
        await twilio.SayAsync(TestAudio.Speech(words));
        await twilio.WaitUntilHeardAsync(before);
    }

    /// <summary>
    /// A second into the reply and its first line heard: the caller speaks over the rest (a slow tone leaves seconds of
    /// it, on a loaded machine too).
    /// </summary>
    private static async Task WaitForReplyUnderwayAsync(TwilioMediaStream twilio, TimeSpan replyStarts)
    {
        await WaitForAudioTimeAsync(twilio, replyStarts + TimeSpan.FromSeconds(1));
        while (!twilio.Echoed.Any(e => !e.Cleared && e.Name.StartsWith("1:", StringComparison.Ordinal)))
        {
            await Task.Delay(5);
        }
    }

    private static async Task WaitForAudioTimeAsync(TwilioMediaStream twilio, TimeSpan at)
    {
        while (twilio.AudioTime < at)
        {
            await Task.Delay(5);
        }
    }

    /// <summary>Answers an inbound call from John Smith to the demo shop, as the incoming webhook does: its session exists.</summary>
    internal static async Task<string> AnswerAsync(RealtimeHost host, string? callSid = null)
    {
        callSid ??= "CA" + Guid.NewGuid().ToString("N");
        var call = new InboundCall(CallSid.TryParse(callSid, out var sid) ? sid : throw new ArgumentException(callSid), PhoneNumber.Parse(RelayTwilio.ShopNumber), PhoneNumber.Parse(RelayTwilio.JohnSmith));
        await host.Services.GetRequiredService<InboundCallService>().AnswerAsync(call, CancellationToken.None);
        return callSid;
    }
}
