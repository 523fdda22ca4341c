using System.Diagnostics;
using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;
using VoiceAgent.WebPubSubHost.Events;
using VoiceAgent.WebPubSubHost.Realtime;
using VoiceAgent.WebPubSubHost.Speech;
using VoiceAgent.WebPubSubHost.Vad;
using VoiceAgent.Core.LiveEvents;

namespace VoiceAgent.WebPubSubHost.Streams;

/// <summary>
/// One Media Streams call, from its <c>start</c> to its end: the caller's audio through voice activity and the
/// recognizer into turns, each turn's sentences synthesised back as audio with a mark after each. As on
/// ConversationRelay, everything that happens to the call is a signal handled one at a time on one loop. The caller
/// speaking over the agent clears Twilio's audio at once and holds the reply: a cough resumes it from the first line
/// not heard to its end; an utterance drops the rest (the turn is cut to what the marks say was heard) and becomes the
/// next turn. A transfer or goodbye is stored on the call and the stream closed (Twilio asks the
/// <c>&lt;Connect action&gt;</c>); the host stopping redirects the call to Gather.
/// </summary>
public sealed partial class StreamSession(
    SocketText socket,
    RealtimeOptions options,
    InboundCallService calls,
    LiveCallFinder liveCalls,
    CallSessionStore sessions,
    TenantDirectory tenants,
    VoiceActivityTrackerFactory voiceActivity,
    ISpeechRecognizer recognizer,
    ISpeechSynthesizer synthesizer,
    GatherHandback handback,
    CallEventReporter events,
    IOptions<VoiceOptions> voice,
    TimeProvider time,
    ILogger<StreamSession> logger) : IRealtimeSession
{
    /// <summary>How long a tool may run before the caller hears a filler.</summary>
    public static readonly TimeSpan FillerAfter = TimeSpan.FromSeconds(1.5);

    public const string Filler = "One moment.";

    private readonly Channel<Signal> _signals = Channel.CreateUnbounded<Signal>(new UnboundedChannelOptions { SingleReader = true });
    private CallVoice _voice = CallVoice.For(voice.Value, tenant: null);
    private InboundCall _call = null!;
    private string _tenantId = string.Empty;
    private string _streamSid = string.Empty;
    private CallerAudio? _audio;
    private ITimer? _silence;
    private ITimer? _maxDuration;
    private ITimer? _filler;
    private Turn? _turn;
    private SpokenReply? _reply;
    private StreamSpeaker? _speaker;
    private bool _holding;
    private string? _ending;
    private string? _heard;
    private CallerInput? _waiting;
    private IReadOnlyList<string>? _expected;
    private int _turns;

    /// <summary>Runs the call until it ends; <paramref name="hostStopping"/> hands it back to Gather.</summary>
    public async Task RunAsync(CancellationToken hostStopping)
    {
        if (!await StartAsync())
        {
            return;
        }

        using var draining = hostStopping.Register(() => Post(new Drain()));
        var receiving = ReceiveAsync();
        var reason = "hangup";
        try
        {
            reason = await HandleSignalsAsync();
        }
        finally
        {
            await StopAllAsync();
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, reason, CancellationToken.None);
            await receiving;
            await events.ReportAsync(new CallEnded(_tenantId, _call.CallSid.Value, time.GetUtcNow(), reason));
            LogEnded(logger, _call.CallSid.Value, reason, _turns);
        }
    }

    /// <summary>
    /// <c>connected</c>, then <c>start</c> within the timeout, naming (in its parameters) a live call session whose call id
    /// is the one Twilio reports; anything else is refused before any audio is taken.
    /// </summary>
    private async Task<bool> StartAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.SetupTimeoutSeconds), time);
        StreamMessage? start = null;
        try
        {
            while (start is not { Event: not StreamMessage.Connected } && await socket.ReceiveAsync(timeout.Token) is { } bytes)
            {
                start = StreamMessage.Parse(bytes.Span) ?? new StreamMessage { Event = "unreadable" };
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            start = null;
        }

        var started = start is { Event: StreamMessage.Start, Started: { } s } ? s : null;
        var streamSid = start?.StreamSid ?? started?.StreamSid;
        var live = started is not null && streamSid is not null
            ? await liveCalls.FindAsync(started.CustomParameters, started.CallSid, dialed: null, caller: null, CancellationToken.None)
            : null;
        if (live is null || streamSid is null)
        {
            LogRefused(logger, start?.Event ?? "nothing", started?.CustomParameters?.GetValueOrDefault(RealtimeCallParameters.CallSid) ?? "none");
            await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "not a live call", CancellationToken.None);
            return false;
        }

        _call = live.Call;
        _tenantId = live.Session.TenantId;
        _streamSid = streamSid;
        _expected = AnswerHints.For(live.Session.Dialog);
        _audio = new CallerAudio(voiceActivity.Create());
        var tenant = tenants.LastKnown(_call.Dialed);
        _voice = CallVoice.For(voice.Value, tenant); // the shop's language to recognise and speak, its own Azure voice if it set one
        _maxDuration = time.CreateTimer(_ => Post(new MaxDuration()), null, TimeSpan.FromMinutes(tenant?.MaxCallMinutes ?? 20), Timeout.InfiniteTimeSpan);
        StartSilence();
        await events.ReportAsync(new CallStarted(_tenantId, _call.CallSid.Value, time.GetUtcNow(), "stream", live.Session.CustomerFirstName));
        LogStarted(logger, _call.CallSid.Value, _tenantId);
        return true;
    }

    /// <summary>Twilio's messages, as signals, until the socket closes.</summary>
    private async Task ReceiveAsync()
    {
        await socket.ReadUntilClosedAsync(bytes =>
        {
            if (StreamMessage.Parse(bytes.Span) is { } message)
            {
                Post(new Received(message));
            }
        });
        Post(new Closed());
    }

    /// <summary>The session's loop: returns why the call ended.</summary>
    private async Task<string> HandleSignalsAsync()
    {
        await foreach (var signal in _signals.Reader.ReadAllAsync())
        {
            var ended = signal switch
            {
                Received { Message: var message } => await HandleAsync(message),
                Recognized { Transcript: var transcript } => await HearAsync(transcript),
                Sentence sentence when sentence.Turn == _turn => Say(sentence.Text),
                ToolRan tool when tool.Turn == _turn => await ToolAsync(tool.Activity),
                FillerDue due when due.Turn == _turn && _reply is { HasUnheard: false, HasFiller: false } && !_holding => Say(Filler, isFiller: true),
                TurnDone done when done.Turn == _turn => await FinishTurnAsync(done.Reply),
                SpeakingFailed failed when failed.Speaker == _speaker => await FailSpeakingAsync(failed.Error),
                Silence when _turn is null && _reply is null or { IsHeard: true } && _audio?.InVoice != true => await StartTurnAsync(new CallerInput(null)),
                MaxDuration => await EndAsync(RealtimeHandoff.MaxDuration),
                Drain => await DrainAsync(),
                Closed => "hangup",
                _ => null,
            };
            if (ended is not null)
            {
                return ended;
            }
        }

        return "hangup";
    }

    private async Task<string?> HandleAsync(StreamMessage message)
    {
        switch (message.Event)
        {
            case StreamMessage.Media when message.Audio is { } media:
                return await HandleVoiceAsync(_audio!.Push(media));
            case StreamMessage.Mark when _reply is { } reply && reply.TryHear(message.Echo?.Name) && reply.IsHeard:
                return await ReplyHeardAsync();
            case StreamMessage.Dtmf when message.Key?.Digit is { Length: > 0 } digit:
                StopSilence();
                await CutAsync();
                await StartOrQueueAsync(new CallerInput(null, digit));
                return null;
            case StreamMessage.Stop:
                return "hangup";
            default:
                return null;
        }
    }

    /// <summary>The caller's audio goes to the recognizer off the signal loop, with the answers expected now; what it hears comes back as a signal.</summary>
    private void Recognize(ReadOnlyMemory<short> samples)
    {
        var utterance = new Utterance(samples, _voice.Language, _expected);
        _ = Task.Run(() => RecognizeAsync(utterance));
    }

    private async Task RecognizeAsync(Utterance utterance)
    {
        Transcript transcript;
        try
        {
            transcript = await recognizer.RecognizeAsync(utterance, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Not understood: the silence that follows asks again.
            LogRecognitionFailed(logger, _call.CallSid.Value, ex);
            transcript = Transcript.Nothing;
        }

        Post(new Recognized(transcript));
    }

    private async Task<string?> HearAsync(Transcript transcript)
    {
        if (transcript.IsEmpty || _ending is not null)
        {
            if (_turn is null && _reply is null or { IsHeard: true })
            {
                StartSilence();
            }

            return null;
        }

        await events.ReportAsync(new CallerTranscript(_tenantId, _call.CallSid.Value, time.GetUtcNow(), transcript.Text, Final: true));
        await StartOrQueueAsync(new CallerInput(transcript.Text, Confidence: transcript.Confidence));
        return null;
    }

    /// <summary>A caller turn starts now, or once the cut turn has saved.</summary>
    private async Task StartOrQueueAsync(CallerInput input)
    {
        if (_turn is null)
        {
            await StartTurnAsync(input);
        }
        else
        {
            _waiting = _waiting is { } earlier ? new CallerInput($"{earlier.Text} {input.Text}".Trim()) : input;
        }
    }

    private async Task<string?> StartTurnAsync(CallerInput input)
    {
        StopSilence();
        var turn = new Turn(++_turns);
        _turn = turn;
        _reply = new SpokenReply(turn.Number);
        await StartSpeakerAsync([]);
        turn.Task = Task.Run(() => RunTurnAsync(turn, input));
        return null;
    }

    private async Task StartSpeakerAsync(IEnumerable<Cue> cues)
    {
        if (_speaker is { } finished)
        {
            // The reply before was heard to its end (or cleared): its speaker has nothing left to send.
            await finished.DisposeAsync();
        }

        var speaker = StreamSpeaker.Start(socket, synthesizer, _streamSid, _voice.Language, _voice.SpeechVoice, cues);
        _speaker = speaker;
        _ = speaker.Speaking.ContinueWith(
            t => Post(new SpeakingFailed(speaker, t.Exception!.GetBaseException())),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>No voice to speak with: the call carries on over Gather, which asks the last question again.</summary>
    private async Task<string?> FailSpeakingAsync(Exception error)
    {
        LogSpeakingFailed(logger, _call.CallSid.Value, error);
        return await EndAsync(RealtimeHandoff.Drained);
    }

    /// <summary>Stores why the call is given back and lets go of it: the loop's end closes the stream, and Twilio asks the <c>&lt;Connect action&gt;</c>.</summary>
    private async Task<string> EndAsync(string reason)
    {
        try
        {
            await calls.RecordRealtimeEndAsync(_tenantId, _call, reason, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The <Connect action> finds no reason: the call carries on over Gather.
            LogRecordEndFailed(logger, _call.CallSid.Value, ex);
        }

        return reason;
    }

    private async Task<string> DrainAsync()
    {
        var reason = await EndAsync(RealtimeHandoff.Drained);
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(options.DrainSeconds));
        await handback.HandBackAsync(_call.CallSid.Value, budget.Token);
        return reason;
    }

    /// <summary>The caller is silent once the reply has been heard (the marks say when) and the silence after it has passed.</summary>
    private void StartSilence()
    {
        StopSilence();
        _silence = time.CreateTimer(_ => Post(new Silence()), null, TimeSpan.FromSeconds(options.SilenceSeconds), Timeout.InfiniteTimeSpan);
    }

    private void StopSilence()
    {
        _silence?.Dispose();
        _silence = null;
    }

    private void StopFiller()
    {
        _filler?.Dispose();
        _filler = null;
    }

    private async Task StopAllAsync()
    {
        StopSilence();
        StopFiller();
        if (_maxDuration is not null)
        {
            await _maxDuration.DisposeAsync();
            _maxDuration = null;
        }

        if (_speaker is { } speaker)
        {
            _speaker = null;
            await speaker.DisposeAsync();
        }

        if (_turn is { } running)
        {
            _turn = null;
            await running.Cancellation.CancelAsync();
            await running.Task;
            running.Cancellation.Dispose();
        }
    }

    private void Post(Signal signal) => _signals.Writer.TryWrite(signal);

    public async ValueTask DisposeAsync()
    {
        await StopAllAsync();
        _audio?.Dispose();
        _signals.Writer.TryComplete();
    }

    private sealed class Turn(int number)
    {
        public int Number { get; } = number;
        public CancellationTokenSource Cancellation { get; } = new();
        public Task Task { get; set; } = Task.CompletedTask;
    }

    private abstract record Signal;

    private sealed record Received(StreamMessage Message) : Signal;

    private sealed record Recognized(Transcript Transcript) : Signal;

    private sealed record Sentence(Turn Turn, string Text) : Signal;

    private sealed record ToolRan(Turn Turn, ToolActivity Activity) : Signal;

    private sealed record FillerDue(Turn Turn) : Signal;

    private sealed record TurnDone(Turn Turn, AgentReply? Reply) : Signal;

    private sealed record SpeakingFailed(StreamSpeaker Speaker, Exception Error) : Signal;

    private sealed record Silence : Signal;

    private sealed record MaxDuration : Signal;

    private sealed record Drain : Signal;

    private sealed record Closed : Signal;
}
