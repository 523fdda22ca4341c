using System.Diagnostics;
using System.Net.WebSockets;
using System.Threading.Channels;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;
using VoiceAgent.WebPubSubHost.Events;
using VoiceAgent.WebPubSubHost.Realtime;
using VoiceAgent.Core.LiveEvents;

namespace VoiceAgent.WebPubSubHost.Relay;

/// <summary>
/// One ConversationRelay call, from its <c>setup</c> to its end. Everything that happens to the call (a message from
/// Twilio, a turn finished, the silence timer, the maximum length, the host draining) is a signal handled one at a time
/// on one loop, so the session has no locks; a turn streams its sentences to Twilio on its own task, which an
/// <c>interrupt</c> cancels. The session owns its timers, its turn and its socket, and ends on <c>end</c>, hang-up,
/// socket loss or host shutdown (when it hands the call back to Gather).
/// </summary>
public sealed partial class RelaySession(
    SocketText socket,
    InboundCallService calls,
    LiveCallFinder liveCalls,
    TenantDirectory tenants,
    CallEventReporter events,
    TimeProvider time,
    RealtimeOptions options,
    ILogger<RelaySession> logger) : IRealtimeSession
{
    /// <summary>
    /// About how many words the welcome greeting has (it is in the TwiML, not the setup message): how long Twilio is taken
    /// to speak before the caller's silence counts.
    /// </summary>
    private const int GreetingWords = 12;

    private readonly Channel<Signal> _signals = Channel.CreateUnbounded<Signal>(new UnboundedChannelOptions { SingleReader = true });
    private InboundCall _call = null!;
    private string _tenantId = string.Empty;
    private ITimer? _silence;
    private ITimer? _maxDuration;
    private Turn? _turn;
    private CallerInput? _waiting;
    private string? _heard;
    private int _turns;

    /// <summary>Runs the call until it ends; <paramref name="hostStopping"/> hands it back to Gather.</summary>
    public async Task RunAsync(CancellationToken hostStopping)
    {
        if (!await SetUpAsync())
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
            await StopTurnAsync();
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, reason, CancellationToken.None);
            await receiving;
            await events.ReportAsync(new CallEnded(_tenantId, _call.CallSid.Value, time.GetUtcNow(), reason));
            LogEnded(logger, _call.CallSid.Value, reason, _turns);
        }
    }

    /// <summary>
    /// The first message must be <c>setup</c>, within the timeout, naming (in its parameters) a live call session whose
    /// call id is the one Twilio reports; anything else is refused before a word is processed.
    /// </summary>
    private async Task<bool> SetUpAsync()
    {
        // Real time, not the app's clock: it guards the socket, and a held or moved business clock must not refuse a call.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.SetupTimeoutSeconds));
        RelayMessage? setup;
        try
        {
            setup = await socket.ReceiveAsync(timeout.Token) is { } bytes ? RelayMessage.Parse(bytes.Span) : null;
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            setup = null;
        }

        var live = setup is { Type: RelayMessage.Setup }
            ? await liveCalls.FindAsync(setup.CustomParameters, setup.CallSid, setup.To, setup.From, CancellationToken.None)
            : null;
        if (live is null)
        {
            LogRefused(logger, setup?.Type ?? "nothing", setup?.CustomParameters?.GetValueOrDefault(RealtimeCallParameters.CallSid) ?? "none");
            await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "not a live call", CancellationToken.None);
            return false;
        }

        var session = live.Session;
        _call = live.Call;
        _tenantId = session.TenantId;
        var tenant = tenants.LastKnown(_call.Dialed);
        _maxDuration = time.CreateTimer(_ => Post(new MaxDuration()), null, TimeSpan.FromMinutes(tenant?.MaxCallMinutes ?? 20), Timeout.InfiniteTimeSpan);
        // Twilio speaks the welcome greeting as the session starts: a caller silent after it is asked again, as after any reply.
        StartSilence(GreetingWords);
        await events.ReportAsync(new CallStarted(_tenantId, _call.CallSid.Value, time.GetUtcNow(), "relay", session.CustomerFirstName));
        LogStarted(logger, _call.CallSid.Value, _tenantId);
        return true;
    }

    /// <summary>Twilio's messages, as signals, until the socket closes.</summary>
    private async Task ReceiveAsync()
    {
        await socket.ReadUntilClosedAsync(bytes =>
        {
            if (RelayMessage.Parse(bytes.Span) is { } message)
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
            switch (signal)
            {
                case Received { Message: var message }:
                    await HandleAsync(message);
                    break;
                case Silence when _turn is null && _waiting is null:
                    StartTurn(new CallerInput(null));
                    break;
                case TurnDone done when done.Turn == _turn:
                    if (await FinishTurnAsync(done) is { } ended)
                    {
                        return ended;
                    }

                    break;
                case MaxDuration:
                    await EndAsync(RealtimeHandoff.MaxDuration);
                    return RealtimeHandoff.MaxDuration;
                case Drain:
                    // Twilio asks the <Connect action> once the session ends: the call carries on over Gather.
                    await EndAsync(RealtimeHandoff.Drained);
                    return RealtimeHandoff.Drained;
                case Closed:
                    return "hangup";
            }
        }

        return "hangup";
    }

    private async Task HandleAsync(RelayMessage message)
    {
        switch (message.Type)
        {
            case RelayMessage.Prompt when !message.Last:
                StopSilence();
                await events.ReportAsync(new CallerTranscript(_tenantId, _call.CallSid.Value, time.GetUtcNow(), message.VoicePrompt ?? string.Empty, Final: false));
                break;
            case RelayMessage.Prompt:
                StopSilence();
                await events.ReportAsync(new CallerTranscript(_tenantId, _call.CallSid.Value, time.GetUtcNow(), message.VoicePrompt ?? string.Empty, Final: true));
                StartOrQueue(new CallerInput(message.VoicePrompt, Confidence: null));
                break;
            case RelayMessage.Dtmf when !string.IsNullOrEmpty(message.Digit):
                StopSilence();
                StartOrQueue(new CallerInput(null, message.Digit));
                break;
            case RelayMessage.Interrupt:
                StopSilence();
                _heard = message.UtteranceUntilInterrupt ?? string.Empty;
                await events.ReportAsync(new BargedIn(_tenantId, _call.CallSid.Value, time.GetUtcNow(), _heard));
                if (_turn is { } running)
                {
                    // Pending generation stops; the turn saves what its tools did, and the cut is applied once it has.
                    await running.Cancellation.CancelAsync();
                }
                else
                {
                    await KeepHeardAsync();
                }

                break;
            case RelayMessage.Error:
                LogTwilioError(logger, _call.CallSid.Value, message.Description ?? "unknown");
                break;
        }
    }

    /// <summary>A caller turn starts now, or after the one running (the caller said more before the agent answered).</summary>
    private void StartOrQueue(CallerInput input)
    {
        if (_turn is null)
        {
            StartTurn(input);
        }
        else
        {
            _waiting = _waiting is { } earlier ? new CallerInput($"{earlier.Text} {input.Text}".Trim()) : input;
        }
    }

    private void StartTurn(CallerInput input)
    {
        var turn = new Turn(++_turns);
        _turn = turn;
        turn.Task = Task.Run(() => RunTurnAsync(turn, input));
    }

    /// <summary>One turn: each sentence to Twilio as it is ready, then the turn's last token; the outcome back to the loop.</summary>
    private async Task RunTurnAsync(Turn turn, CallerInput input)
    {
        var started = Stopwatch.GetTimestamp();
        var first = true;
        AgentReply? reply = null;
        try
        {
            await foreach (var item in calls.StreamTurnAsync(_call, input, turn.Cancellation.Token))
            {
                switch (item)
                {
                    case SpokenSentence sentence:
                        await socket.SendAsync(RelayReply.Text($"{sentence.Text} ", last: false), turn.Cancellation.Token);
                        if (first)
                        {
                            first = false;
                            await events.ReportAsync(new TurnLatency(_tenantId, _call.CallSid.Value, time.GetUtcNow(), turn.Number, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
                        }

                        await events.ReportAsync(new AgentSentence(_tenantId, _call.CallSid.Value, time.GetUtcNow(), sentence.Text));
                        break;
                    case ToolActivity tool:
                        await events.ReportAsync(new ToolCalled(_tenantId, _call.CallSid.Value, time.GetUtcNow(), tool.Tool, tool.Finished));
                        break;
                    case TurnFinished finished:
                        reply = finished.Reply;
                        break;
                }
            }

            await socket.SendAsync(RelayReply.Text(string.Empty, last: true), turn.Cancellation.Token);
        }
        catch (OperationCanceledException) when (turn.Cancellation.IsCancellationRequested)
        {
            reply = null; // cut off by the caller: the turn saved what it did
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogTurnFailed(logger, _call.CallSid.Value, turn.Number, ex);
            reply = await ApologiseAsync();
        }

        Post(new TurnDone(turn, reply));
    }

    /// <summary>
    /// Something failed on our side mid-turn: the caller hears the same apology as on Gather, and the call goes to the
    /// shop's desk (or ends, when it has none), through the <c>&lt;Connect action&gt;</c>.
    /// </summary>
    private async Task<AgentReply> ApologiseAsync()
    {
        var reply = AgentReply.Apology(tenants.LastKnown(_call.Dialed));
        try
        {
            await socket.SendAsync(RelayReply.Text(reply.Speech, last: true), CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // The caller is gone already.
        }

        return reply;
    }

    /// <summary>After a turn: end the session on a transfer or goodbye, else apply a cut, take the caller's next words, or wait for them.</summary>
    private async Task<string?> FinishTurnAsync(TurnDone done)
    {
        _turn = null;
        done.Turn.Cancellation.Dispose();
        switch (done.Reply?.Action)
        {
            case CallAction.Transfer:
                await EndAsync(RealtimeHandoff.Transfer);
                return RealtimeHandoff.Transfer;
            case CallAction.Hangup:
                await EndAsync(RealtimeHandoff.Goodbye);
                return RealtimeHandoff.Goodbye;
        }

        if (_heard is not null)
        {
            await KeepHeardAsync();
        }

        if (_waiting is { } next)
        {
            _waiting = null;
            StartTurn(next);
        }
        else
        {
            StartSilence(done.Reply?.Speech ?? string.Empty);
        }

        return null;
    }

    private async Task KeepHeardAsync()
    {
        var heard = _heard ?? string.Empty;
        _heard = null;
        try
        {
            await calls.KeepHeardAsync(_call, heard, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The reply stays whole in the history: the call goes on.
            LogCutFailed(logger, _call.CallSid.Value, ex);
        }
    }

    private async Task EndAsync(string reason)
    {
        try
        {
            await socket.SendAsync(RelayReply.End(new RealtimeHandoff(reason).ToJson()), CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // Gone already: Twilio asks the <Connect action> without a handoff, and the call carries on over Gather.
        }
    }

    /// <summary>The caller is silent once the reply has been spoken (its words at the speaking rate) and the silence after it.</summary>
    private void StartSilence(string spoken) => StartSilence(spoken.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);

    private void StartSilence(int words)
    {
        StopSilence();
        var wait = TimeSpan.FromSeconds((words / options.WordsPerSecond) + options.SilenceSeconds);
        _silence = time.CreateTimer(_ => Post(new Silence()), null, wait, Timeout.InfiniteTimeSpan);
    }

    private void StopSilence()
    {
        _silence?.Dispose();
        _silence = null;
    }

    private async Task StopTurnAsync()
    {
        StopSilence();
        if (_maxDuration is not null)
        {
            await _maxDuration.DisposeAsync();
        }

        if (_turn is { } running)
        {
            await running.Cancellation.CancelAsync();
            await running.Task;
        }
    }

    private void Post(Signal signal) => _signals.Writer.TryWrite(signal);

    public async ValueTask DisposeAsync()
    {
        await StopTurnAsync();
        _signals.Writer.TryComplete();
    }

    private sealed class Turn(int number)
    {
        public int Number { get; } = number;
        public CancellationTokenSource Cancellation { get; } = new();
        public Task Task { get; set; } = Task.CompletedTask;
    }

    private abstract record Signal;

    private sealed record Received(RelayMessage Message) : Signal;

    private sealed record TurnDone(Turn Turn, AgentReply? Reply) : Signal;

    private sealed record Silence : Signal;

    private sealed record MaxDuration : Signal;

    private sealed record Drain : Signal;

    private sealed record Closed : Signal;

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Relay call {CallSid} started for tenant {TenantId}")]
    private static partial void LogStarted(ILogger logger, string callSid, string tenantId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Relay call {CallSid} ended ({Reason}) after {Turns} turns")]
    private static partial void LogEnded(ILogger logger, string callSid, string reason, int turns);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Relay connection refused: first message {Type}, claimed call {CallSid} is not a live call")]
    private static partial void LogRefused(ILogger logger, string type, string callSid);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Error, Message = "Relay call {CallSid} turn {Turn} failed; the caller hears the apology")]
    private static partial void LogTurnFailed(ILogger logger, string callSid, int turn, Exception exception);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Warning, Message = "Relay call {CallSid}: Twilio reported an error: {Description}")]
    private static partial void LogTwilioError(ILogger logger, string callSid, string description);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Error, Message = "Relay call {CallSid}: cutting the interrupted reply failed")]
    private static partial void LogCutFailed(ILogger logger, string callSid, Exception exception);

}
