using System.Globalization;
using VoiceAgent.CallSimulator.Twiml;

namespace VoiceAgent.CallSimulator.Telephony;

/// <summary>
/// Plays Twilio for one inbound call: requests the incoming webhook, follows the TwiML (<c>&lt;Say&gt;</c>,
/// <c>&lt;Play&gt;</c>, <c>&lt;Pause&gt;</c>, <c>&lt;Gather&gt;</c>, <c>&lt;Redirect&gt;</c>, <c>&lt;Dial&gt;</c>,
/// <c>&lt;Hangup&gt;</c>, <c>&lt;Reject&gt;</c>), asks <see cref="ICaller"/> at each gather, and sends the status
/// callback when the call ends. Failures end the call with a reason; they never throw.
/// </summary>
public sealed class SimulatedCall(TwilioWebhookClient client, ICaller caller, TimeProvider time, SimulatedCallOptions options)
{
    private const double WordsPerSecond = 2.5;
    private readonly List<TranscriptLine> _transcript = [];

    public async Task<CallResult> RunAsync(CallIdentity call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        _transcript.Clear();
        var started = time.GetUtcNow();
        var url = client.Resolve(client.PublicBaseUrl, options.IncomingPath);
        var request = (Url: url, Method: "POST", Fields: call.Fields("ringing"));
        var turns = 0;
        CallEnding ending;
        string? transferredTo = null;
        string? error = null;

        try
        {
            while (true)
            {
                if (turns >= options.MaxAgentTurns)
                {
                    ending = CallEnding.TurnLimit;
                    error = $"The call did not end within {options.MaxAgentTurns} agent turns.";
                    break;
                }

                var document = await client.FetchTwimlAsync(request.Url, request.Method, request.Fields, cancellationToken);
                turns++;
                var step = await FollowAsync(call, request.Url, document, cancellationToken);
                if (step.Next is { } next)
                {
                    request = next;
                    continue;
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
            CallEnding.Rejected => "call rejected",
            CallEnding.TurnLimit or CallEnding.Failed => $"call failed: {error}",
            _ => "call ended",
        });

        var duration = time.GetUtcNow() - started;
        error = await SendStatusCallbackAsync(call, duration, error, cancellationToken);
        return new CallResult
        {
            Call = call,
            Ending = ending,
            TransferredTo = transferredTo,
            Transcript = _transcript.ToList(),
            AgentTurns = turns,
            Duration = duration,
            Error = error,
        };
    }

    /// <summary>Runs one document's verbs in order; returns the next request, or how the call ended.</summary>
    private async Task<Step> FollowAsync(CallIdentity call, Uri documentUrl, TwimlDocument document, CancellationToken cancellationToken)
    {
        foreach (var verb in document.Verbs)
        {
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

                    return new Step(CallEnding.DocumentEnded, Next: (gather.Action is null ? documentUrl : client.Resolve(documentUrl, gather.Action), gather.Method, fields));
                case RedirectVerb redirect:
                    return new Step(CallEnding.DocumentEnded, Next: (client.Resolve(documentUrl, redirect.Url), redirect.Method, call.Fields("in-progress")));
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

        return new Step(CallEnding.DocumentEnded);
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

    private void Advance(TimeSpan by) => options.AdvanceClock?.Invoke(by);

    private static TimeSpan SpeakingTime(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(words / WordsPerSecond)));
    }

    private sealed record Step(CallEnding Ending, string? TransferredTo = null, (Uri Url, string Method, List<KeyValuePair<string, string>> Fields)? Next = null);
}
