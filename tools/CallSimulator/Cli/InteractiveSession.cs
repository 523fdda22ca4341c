using VoiceAgent.CallSimulator.Scenarios;
using VoiceAgent.CallSimulator.Telephony;
using VoiceAgent.TwilioApiStandIn;
using VoiceAgent.TwilioApiStandIn.Voice;

namespace VoiceAgent.CallSimulator.Cli;

/// <summary>
/// A person at the terminal with a phone: they call the shop, and between calls they can move the app's clock
/// (<c>/clock</c>), call again (<c>/call</c>) or leave (<c>/quit</c>, Ctrl-D); the texts the shop sends them are printed
/// as they arrive, and the calls it places to them ring here and are played with the same console caller. The end of a
/// piped input ends the session (after any clock move it asked for); Ctrl-C hangs up and leaves.
/// </summary>
public sealed class InteractiveSession(
    SessionSettings settings,
    ConsoleLines lines,
    SessionOutput output,
    HttpClient http,
    ClockControl clock,
    ConsolePhone phone,
    TwilioStandIn? twilio,
    CancellationToken hangUp)
{
    public const int MaxAgentTurns = 200;

    /// <summary>How long an answer typed before the phone rang waits for the shop's call, once no clock move is under way.</summary>
    private static readonly TimeSpan TypedAheadWait = TimeSpan.FromSeconds(60);
    private bool _quit;
    private bool _failed;

    /// <summary>0, or 1 when a call failed (its transcript says why).</summary>
    public async Task<int> RunAsync()
    {
        output.WriteLine(output.ShowsPrompts
            ? "Type what the caller says; an empty line is silence; Ctrl-D hangs up (and leaves between calls); /help lists the commands."
            : "Reading the caller's lines from standard input.");
        await CallShopAsync();
        while (!_quit && !hangUp.IsCancellationRequested)
        {
            output.Prompt("> ");
            await NextAsync();
        }

        if (!hangUp.IsCancellationRequested)
        {
            await clock.Pending; // what was typed finishes (a piped "/clock +1d" moves the whole day)
        }

        return _failed ? 1 : 0;
    }

    /// <summary>Between calls: the next ring or the next line, whichever comes first.</summary>
    private async Task NextAsync()
    {
        using (var waiting = CancellationTokenSource.CreateLinkedTokenSource(hangUp))
        {
            await Task.WhenAny(lines.WhenReadableAsync(waiting.Token), phone.Rings.WaitToReadAsync(waiting.Token).AsTask(), Task.Delay(Timeout.Infinite, waiting.Token));
            await waiting.CancelAsync();
        }

        if (hangUp.IsCancellationRequested)
        {
            output.Answered(endLine: true);
            return;
        }

        if (phone.Rings.TryRead(out var ring))
        {
            output.Answered(endLine: true);
            await AnswerAsync(ring, typedAhead: null);
            return;
        }

        if (!lines.TryRead(out var line))
        {
            return;
        }

        output.Answered(endLine: line is null);
        if (line is null)
        {
            _quit = true; // Ctrl-D, or the end of a pipe
            return;
        }

        var text = line.Trim();
        if (text.Length == 0)
        {
            return;
        }

        if (SessionCommand.TryParse(text, settings.Shop, out var command, out var error))
        {
            await RunCommandAsync(command, error, onCall: false);
        }
        else if (RingReply.TryParse(text, out var answer))
        {
            output.WriteLine("[nothing is ringing yet: that answers the shop's next call]");
            if (await phone.NextRingAsync(clock.Pending, TypedAheadWait, hangUp) is { } next)
            {
                await AnswerAsync(next, answer);
            }
            else if (!hangUp.IsCancellationRequested)
            {
                output.WriteLine($"[the shop did not call within {TypedAheadWait.TotalSeconds:0} s]");
            }
        }
        else
        {
            output.WriteLine("[you are not on a call: /call calls the shop, /clock moves the app's clock, /help lists the commands]");
        }
    }

    private async Task CallShopAsync()
    {
        var call = CallIdentity.NewInbound(settings.From, settings.To);
        call = settings.AccountSid is { } account ? call with { AccountSid = account } : call;
        output.WriteLine($"Calling {settings.To} from {settings.From} (CallSid {call.CallSid}).");
        var client = new TwilioWebhookClient(http, settings.AppUrl, settings.PublicUrl, settings.AuthToken);
        var options = new SimulatedCallOptions { MaxAgentTurns = MaxAgentTurns, OnLine = Print, Realtime = settings.Realtime };
        phone.InUse = true;
        try
        {
            var result = await new SimulatedCall(client, Caller(), TimeProvider.System, options).RunAsync(call, CancellationToken.None);
            _failed |= result.Failed;
        }
        finally
        {
            phone.InUse = false;
        }

        AfterCall();
    }

    /// <summary>The shop is calling: ask (unless answered ahead), then play the call if someone or something picks up.</summary>
    private async Task AnswerAsync(IncomingRing ring, PhoneAnswer? typedAhead)
    {
        if (ring.Answer.IsCompleted)
        {
            return; // it rang out before anyone looked (the phone said so)
        }

        output.WriteLine($"[the shop ({ShortNumber.Of(ring.Ring.From)}) is calling you — answer? {RingReply.Choices}]");
        var answer = typedAhead ?? await AskAsync(ring);
        if (answer is null)
        {
            return;
        }

        if (!ring.TryAnswer(answer))
        {
            output.WriteLine("[too late: it stopped ringing]");
            return;
        }

        output.WriteLine(RingReply.Describe(answer));
        if (answer.Answers)
        {
            await PlayAsync(ring, answer);
        }
    }

    /// <summary>The person's answer to the ring; null when it rang out first.</summary>
    private async Task<PhoneAnswer?> AskAsync(IncomingRing ring)
    {
        while (!ring.Answer.IsCompleted)
        {
            output.Prompt("answer? ");
            using (var waiting = CancellationTokenSource.CreateLinkedTokenSource(hangUp))
            {
                await Task.WhenAny(lines.WhenReadableAsync(waiting.Token), ring.Answer, Task.Delay(Timeout.Infinite, waiting.Token));
                await waiting.CancelAsync();
            }

            if (hangUp.IsCancellationRequested || ring.Answer.IsCompleted)
            {
                output.Answered(endLine: true);
                return hangUp.IsCancellationRequested ? PhoneAnswer.Nobody : null;
            }

            if (!lines.TryRead(out var line))
            {
                continue;
            }

            output.Answered(endLine: line is null);
            if (line is null)
            {
                return PhoneAnswer.Nobody;
            }

            if (RingReply.TryParse(line, out var answer))
            {
                return answer;
            }

            if (SessionCommand.TryParse(line, settings.Shop, out var command, out var error))
            {
                await RunCommandAsync(command, error, onCall: false);
                if (_quit)
                {
                    return PhoneAnswer.Nobody;
                }

                continue;
            }

            output.WriteLine($"[the phone is ringing: {RingReply.Choices}]");
        }

        return null;
    }

    /// <summary>The answered call, played here until it ends; the stand-in then sends its status callbacks.</summary>
    private async Task PlayAsync(IncomingRing ring, PhoneAnswer answer)
    {
        phone.InUse = true;
        try
        {
            var stillLive = () => twilio?.Calls.FirstOrDefault(c => c.Sid == ring.Ring.CallSid) is not { IsLive: false };
            if (await ring.ConnectedAsync(stillLive) is not { } call)
            {
                output.WriteLine("[the shop hung up before you could talk]");
                return;
            }

            ICaller caller = answer.By == PhonePickup.Person ? Caller() : new ScriptedCaller([]);
            var client = new TwilioWebhookClient(http, call.TargetBaseUrl, call.PublicBaseUrl, call.AuthToken);
            var options = new SimulatedCallOptions { MaxAgentTurns = MaxAgentTurns, SendStatusCallback = false, TakeUpdate = call.TakeUpdate, OnLine = Print };
            var identity = new CallIdentity(call.CallSid, call.AccountSid, call.From, call.To, "outbound-api");
            CallResult? result = null;
            try
            {
                result = await new SimulatedCall(client, caller, TimeProvider.System, options).RunAsync(identity, call.Start, CancellationToken.None);
                _failed |= result.Failed;
            }
            finally
            {
                ring.Ended(result is null
                    ? new PhoneConversation(TimeSpan.Zero, [], "The simulator stopped playing the call.")
                    : new PhoneConversation(result.TalkTime, [.. result.Transcript.Select(l => l.ToString())], result.Error));
            }
        }
        finally
        {
            phone.InUse = false;
        }

        AfterCall();
    }

    /// <summary>A command typed on a call (<paramref name="onCall"/>) or between calls; true when the call should hang up.</summary>
    private async Task<bool> RunCommandAsync(SessionCommand? command, string? error, bool onCall)
    {
        if (command is null)
        {
            output.WriteLine($"[{error}]");
            return false;
        }

        switch (command.Kind)
        {
            case SessionCommandKind.Clock when command.Clock is { IsShow: true }:
                await clock.ShowAsync(hangUp);
                return false;
            case SessionCommandKind.Clock:
                clock.Move(command.Clock!, hangUp);
                return false;
            case SessionCommandKind.Call when onCall:
                output.WriteLine("[you are on a call: /hangup first]");
                return false;
            case SessionCommandKind.Call:
                await CallShopAsync();
                return false;
            case SessionCommandKind.HangUp when !onCall:
                output.WriteLine("[you are not on a call]");
                return false;
            case SessionCommandKind.HangUp:
                return true;
            case SessionCommandKind.Quit:
                _quit = true;
                return true;
            default:
                output.WriteLine(SessionCommand.Help);
                return false;
        }
    }

    private ConsoleCaller Caller() => new(lines, output, line => OnCallCommandAsync(line), hangUp);

    private Task<bool> OnCallCommandAsync(string line) =>
        SessionCommand.TryParse(line, settings.Shop, out var command, out var error)
            ? RunCommandAsync(command, error, onCall: true)
            : Task.FromResult(false);

    private void AfterCall()
    {
        if (!_quit && !hangUp.IsCancellationRequested && !lines.AtEnd)
        {
            output.WriteLine("[between calls: /clock moves the app's clock, /call calls the shop again, /quit or Ctrl-D leaves]");
        }
    }

    /// <summary>At a keyboard the person already sees what they typed; from a pipe it is echoed so the transcript reads whole.</summary>
    private void Print(TranscriptLine line)
    {
        if (!output.ShowsPrompts || line.Speaker != TranscriptSpeaker.Caller)
        {
            output.WriteLine(line.ToString());
        }
    }
}
