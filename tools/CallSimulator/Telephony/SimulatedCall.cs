using System.Globalization;
using VoiceAgent.CallSimulator.Twiml;
using VoiceAgent.TwilioApiStandIn.Voice;

namespace VoiceAgent.CallSimulator.Telephony;

/// <summary>
/// Plays Twilio for one call: requests the first document (the incoming webhook for an inbound call, or the
/// <see cref="CallDocument"/> Twilio starts an outbound call with), follows the TwiML (<c>&lt;Say&gt;</c>,
/// <c>&lt;Play&gt;</c>, <c>&lt;Pause&gt;</c>, <c>&lt;Gather&gt;</c>, <c>&lt;Redirect&gt;</c>, <c>&lt;Dial&gt;</c>,
/// <c>&lt;Hangup&gt;</c>, <c>&lt;Reject&gt;</c>), asks <see cref="ICaller"/> at each gather, takes updates made to the live
/// call through the REST API (<see cref="SimulatedCallOptions.TakeUpdate"/>) between steps, and sends the status callback
/// when the call ends (unless the Twilio stand-in sends it). Failures end the call with a reason; they never throw.
/// </summary>
public sealed class SimulatedCall(TwilioWebhookClient client, ICaller caller, TimeProvider time, SimulatedCallOptions options)
{
    private const double WordsPerSecond = 2.5;
    private readonly List<TranscriptLine> _transcript = [];
    private TimeSpan _talkTime;
    private LiveCallUpdate? _update;

    /// <summary>An inbound call: Twilio requests the incoming webhook with <c>CallStatus=ringing</c>.</summary>
    public Task<CallResult> RunAsync(CallIdentity call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var incoming = client.Resolve(client.PublicBaseUrl, options.IncomingPath);
        return RunAsync(call, new CallDocument(incoming.AbsoluteUri, "POST", call.Fields("ringing")), cancellationToken);
    }

    /// <summary>A call that starts with <paramref name="start"/> (an answered outbound call: its <c>Url</c> or <c>Twiml</c>).</summary>
    public async Task<CallResult> RunAsync(CallIdentity call, CallDocument start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(start);
        _transcript.Clear();
        _talkTime = TimeSpan.Zero;
        var started = time.GetUtcNow();
        var next = start;
        var turns = 0;
        CallEnding ending;
        string? transferredTo = null;
        string? error = null;

        try
        {
            while (true)
            {
                if (TakeUpdate() is { } update)
                {
                    if (update.Kind == LiveCallUpdateKind.HangUp)
                    {
                        ending = CallEnding.HungUpByApi;
                        break;
                    }

                    Record(TranscriptSpeaker.Event, update.Kind == LiveCallUpdateKind.Twiml ? "call updated with new TwiML" : $"call redirected to {update.Url}");
                    next = update.Kind == LiveCallUpdateKind.Twiml ? CallDocument.Inline(update.Twiml!) : new CallDocument(update.Url, update.Method, call.Fields("in-progress"));
                }

                if (turns >= options.MaxAgentTurns)
                {
                    ending = CallEnding.TurnLimit;
                    error = $"The call did not end within {options.MaxAgentTurns} agent turns.";
                    break;
                }

                var (documentUrl, document) = await ReadAsync(next, cancellationToken);
                turns++;
                var step = await FollowAsync(call, documentUrl, document, cancellationToken);
                if (step.Next is { } following)
                {
                    next = following;
                    continue;
                }

                if (step.Interrupted)
                {
                    continue; // an update arrived: the loop takes it
                }

                ending = step.Ending;
                transferredTo = step.TransferredTo;
                break;
            }
        }
        catch (CallFailedException ex)
        {
            ending = CallEnding.Failed;
            error = ex.Message;
        }

        Record(TranscriptSpeaker.Event, ending switch
        {
            CallEnding.Transferred => $"transferred to {transferredTo}",
            CallEnding.CallerHungUp => "caller hung up",
            CallEnding.HungUpByApi => "hung up through the REST API",
            CallEnding.Rejected => "call rejected",
            CallEnding.TurnLimit or CallEnding.Failed => $"call failed: {error}",
            _ => "call ended",
        });

        var duration = time.GetUtcNow() - started;
        if (options.SendStatusCallback)
        {
            error = await SendStatusCallbackAsync(call, duration, error, cancellationToken);
        }

        return new CallResult
        {
            Call = call,
            Ending = ending,
            TransferredTo = transferredTo,
            Transcript = _transcript.ToList(),
            AgentTurns = turns,
            Duration = duration,
            TalkTime = _talkTime,
            Error = error,
        };
    }

    /// <summary>Fetches the next document, or parses the TwiML given inline (which has no URL to resolve against).</summary>
    private async Task<(Uri? Url, TwimlDocument Document)> ReadAsync(CallDocument next, CancellationToken cancellationToken)
    {
        if (next.Twiml is { } twiml)
        {
            try
            {
                return (null, TwimlReader.Read(twiml));
            }
            catch (TwimlException ex)
            {
                throw new CallFailedException($"The call's TwiML cannot be played: {ex.Message}", ex);
            }
        }

        var url = client.Resolve(client.PublicBaseUrl, next.Url ?? throw new CallFailedException("The call has neither a URL nor TwiML to play."));
        return (url, await client.FetchTwimlAsync(url, next.Method, next.Fields, cancellationToken));
    }

    /// <summary>Runs one document's verbs in order; returns the next request, or how the call ended, or that an update interrupted it.</summary>
    private async Task<Step> FollowAsync(CallIdentity call, Uri? documentUrl, TwimlDocument document, CancellationToken cancellationToken)
    {
        foreach (var verb in document.Verbs)
        {
            if (Interrupted())
            {
                return Step.Interruption;
            }

            switch (verb)
            {
                case SayVerb or PlayVerb or PauseVerb:
                    Play(verb);
                    break;
                case GatherVerb gather:
                    foreach (var prompt in gather.Prompt)
                    {
                        Play(prompt);
                    }

                    var heard = await caller.ListenAsync(gather, cancellationToken);
                    if (heard is null)
                    {
                        return new Step(CallEnding.CallerHungUp);
                    }

                    var speech = gather.AcceptsSpeech ? heard.Speech : null;
                    var digits = gather.AcceptsDigits ? heard.Digits : null;
                    Record(TranscriptSpeaker.Caller, heard.IsSilence ? "(silence)" : heard.Speech ?? heard.Digits!);
                    Advance(heard.IsSilence ? TimeSpan.FromSeconds(gather.TimeoutSeconds) : SpeakingTime(heard.Speech ?? heard.Digits!));
                    if (speech is null && digits is null && !gather.ActionOnEmptyResult)
                    {
                        continue; // Twilio falls through to the next verb when nothing was gathered.
                    }

                    var fields = call.Fields("in-progress");
                    if (speech is not null)
                    {
                        fields.Add(new("SpeechResult", speech));
                        fields.Add(new("Confidence", CallerUtterance.SpeechConfidence.ToString("0.00", CultureInfo.InvariantCulture)));
                    }

                    if (digits is not null)
                    {
                        fields.Add(new("Digits", digits));
                    }

                    var action = gather.Action is null
                        ? documentUrl ?? throw new CallFailedException("A <Gather> in TwiML given inline needs an absolute action URL (Twilio has no document URL to post to).")
                        : Resolve(documentUrl, gather.Action);
                    return new Step(CallEnding.DocumentEnded, Next: new CallDocument(action.AbsoluteUri, gather.Method, fields));
                case ConnectVerb connect:
                    return await ConnectAsync(call, documentUrl, connect, cancellationToken);
                case RedirectVerb redirect:
                    return new Step(CallEnding.DocumentEnded, Next: new CallDocument(Resolve(documentUrl, redirect.Url).AbsoluteUri, redirect.Method, call.Fields("in-progress")));
                case DialVerb dial:
                    return new Step(CallEnding.Transferred, dial.Target);
                case HangupVerb:
                    return new Step(CallEnding.AgentHungUp);
                case RejectVerb:
                    return new Step(CallEnding.Rejected);
                default:
                    throw new CallFailedException($"The simulator cannot play {verb.GetType().Name}.");
            }
        }

        return Interrupted() ? Step.Interruption : new Step(CallEnding.DocumentEnded);
    }

    /// <summary>
    /// A real-time session: ConversationRelay (Twilio speaks the greeting first) or a Media Stream runs to its end, then
    /// Twilio requests the <c>&lt;Connect action&gt;</c>, with the relay's handoff data (if any), for what the call does next.
    /// </summary>
    private async Task<Step> ConnectAsync(CallIdentity call, Uri? documentUrl, ConnectVerb connect, CancellationToken cancellationToken)
    {
        var realtime = options.Realtime ?? throw new CallFailedException($"The TwiML connects to {connect.Session.Url}, but this call has no real-time host to reach.");
        var fields = call.Fields("in-progress");
        switch (connect.Session)
        {
            case RelayNoun relay:
                if (!string.IsNullOrWhiteSpace(relay.WelcomeGreeting))
                {
                    Record(TranscriptSpeaker.Agent, relay.WelcomeGreeting);
                }

                Record(TranscriptSpeaker.Event, "connected to the real-time host (ConversationRelay)");
                var outcome = await new RelayConversation(realtime, caller, Record, options.AdvanceClock, options.MaxAgentTurns).RunAsync(relay, call, cancellationToken);
                if (outcome.CallerHungUp)
                {
                    return new Step(CallEnding.CallerHungUp);
                }

                fields.Add(new("SessionStatus", outcome.HandoffData is null ? "failed" : "completed"));
                if (outcome.HandoffData is { } handoff)
                {
                    fields.Add(new("HandoffData", handoff));
                }

                break;
            case StreamNoun stream:
                Record(TranscriptSpeaker.Event, "connected to the real-time host (Media Stream)");
                if (await new StreamConversation(realtime, caller, Record, options.AdvanceClock, options.MaxAgentTurns).RunAsync(stream, call, cancellationToken))
                {
                    return new Step(CallEnding.CallerHungUp);
                }

                break;
            default:
                throw new CallFailedException($"The simulator cannot play <Connect> to {connect.Session.GetType().Name}.");
        }

        return connect.Action is null
            ? new Step(CallEnding.DocumentEnded)
            : new Step(CallEnding.DocumentEnded, Next: new CallDocument(Resolve(documentUrl, connect.Action).AbsoluteUri, connect.Method, fields));
    }

    /// <summary>A URL from TwiML: relative ones resolve against the document's URL; TwiML given inline has none (Twilio requires absolute ones there).</summary>
    private Uri Resolve(Uri? documentUrl, string url)
    {
        if (documentUrl is null && !Uri.IsWellFormedUriString(url, UriKind.Absolute))
        {
            throw new CallFailedException($"The TwiML given inline points at '{url}': URLs there must be absolute.");
        }

        return client.Resolve(documentUrl ?? client.PublicBaseUrl, url);
    }

    private LiveCallUpdate? TakeUpdate()
    {
        var update = _update ?? options.TakeUpdate?.Invoke();
        _update = null;
        return update;
    }

    private bool Interrupted()
    {
        _update ??= options.TakeUpdate?.Invoke();
        return _update is not null;
    }

    private void Play(TwimlVerb verb)
    {
        switch (verb)
        {
            case SayVerb say:
                Record(TranscriptSpeaker.Agent, say.Text);
                Advance(SpeakingTime(say.Text) * Math.Max(1, say.Loop));
                break;
            case PlayVerb play:
                Record(TranscriptSpeaker.Event, $"plays {play.Url}");
                Advance(TimeSpan.FromSeconds(3));
                break;
            case PauseVerb pause:
                Advance(TimeSpan.FromSeconds(pause.Seconds));
                break;
        }
    }

    private async Task<string?> SendStatusCallbackAsync(CallIdentity call, TimeSpan duration, string? error, CancellationToken cancellationToken)
    {
        var fields = call.Fields("completed");
        fields.Add(new("CallDuration", ((int)Math.Ceiling(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture)));
        try
        {
            await client.SendStatusCallbackAsync(client.Resolve(client.PublicBaseUrl, options.StatusCallbackPath), fields, cancellationToken);
            return error;
        }
        catch (CallFailedException ex)
        {
            return error is null ? ex.Message : $"{error} Also: {ex.Message}";
        }
    }

    private void Record(TranscriptSpeaker speaker, string text)
    {
        var line = new TranscriptLine(speaker, text);
        _transcript.Add(line);
        options.OnLine?.Invoke(line);
    }

    private void Advance(TimeSpan by)
    {
        _talkTime += by;
        options.AdvanceClock?.Invoke(by);
    }

    private static TimeSpan SpeakingTime(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(words / WordsPerSecond)));
    }

    private sealed record Step(CallEnding Ending, string? TransferredTo = null, CallDocument? Next = null, bool Interrupted = false)
    {
        public static Step Interruption { get; } = new(CallEnding.DocumentEnded, Interrupted: true);
    }
}
