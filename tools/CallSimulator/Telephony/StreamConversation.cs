using VoiceAgent.CallSimulator.Twiml;
using VoiceAgent.SpeechStandIn;
using VoiceAgent.TwilioSockets;

namespace VoiceAgent.CallSimulator.Telephony;

/// <summary>
/// Plays Twilio's side of a bidirectional Media Stream (protocols.md §2) with the caller on it: opens the socket signed
/// as Twilio signs it, sends <c>connected</c> and <c>start</c> with the TwiML's <c>&lt;Parameter&gt;</c>s, and streams
/// 20 ms μ-law frames in real time (<see cref="TwilioMediaStream"/>). Each of the caller's lines is spoken as audio
/// (<see cref="CallerVoice"/>, flite) after the host's recognizer is told the words it will hear
/// (<see cref="RealtimeEndpoint.Speech"/>, the Speech stand-in): the audio goes through the host's voice activity
/// detection and end of turn as a real caller's does, only the recognition is scripted. The agent's audio is played back
/// at 8000 bytes a second and its marks echoed as Twilio does; what it said is read from the live call events
/// (<see cref="LiveAgentWords"/>). The caller speaks again once the reply has been heard. Silence is digital silence,
/// with time passing on the app's clock until the agent speaks again. A line that cuts in is spoken over the reply once
/// it has played that long; the transcript keeps what the host reports the caller heard of it (its barge-in event). Ends when the host closes the socket, or the
/// caller hangs up (<c>stop</c>).
/// </summary>
public sealed class StreamConversation(RealtimeEndpoint endpoint, ICaller caller, Action<TranscriptSpeaker, string> record, Action<TimeSpan>? advanceClock, int maxAgentTurns)
{
    /// <summary>How long, after a reply has been heard, the host has to end the session before the caller speaks again.</summary>
    private static readonly TimeSpan EndGrace = TimeSpan.FromMilliseconds(500);

    /// <summary>A reply is over once every mark came back and nothing more arrived for this long (a filler and its answer are one reply).</summary>
    private static readonly TimeSpan ReplyQuiet = TimeSpan.FromMilliseconds(800);

    /// <summary>The longest the agent may take, in real time, to start answering what the caller said.</summary>
    private static readonly TimeSpan ReplyDeadline = TimeSpan.FromSeconds(30);

    /// <summary>How long after the agent answers a caller who cut in the host has to report what of its reply was heard.</summary>
    private static readonly TimeSpan BargeInReported = TimeSpan.FromSeconds(2);

    /// <summary>What Twilio's gather would listen for; a stream hears speech only (keys pressed are not played here).</summary>
    private static readonly GatherVerb Listening = new() { Input = "speech", TimeoutSeconds = 5, ActionOnEmptyResult = true };

    /// <returns>True when the caller hung up; false when the host ended the stream.</returns>
    public async Task<bool> RunAsync(StreamNoun stream, CallIdentity call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(call);
        var speech = endpoint.Speech ?? throw new CallFailedException("This call has no speech service to tell the host's recognizer what the caller says (a Media Stream needs the Speech stand-in).");
        var staffToken = endpoint.StaffToken ?? throw new CallFailedException("This call has no staff token to read the agent's words from the live call events with.");
        await using var words = await LiveAgentWords.ConnectAsync(endpoint.EventsUrl, staffToken, call.CallSid, cancellationToken);
        TwilioMediaStream twilio;
        try
        {
            twilio = await TwilioMediaStream.ConnectAsync(new Uri(stream.Url), endpoint.Resolve(stream.Url), endpoint.AuthToken, cancellationToken: cancellationToken);
        }
        catch (System.Net.WebSockets.WebSocketException ex)
        {
            throw new CallFailedException($"Could not open the Media Streams socket {stream.Url}: {ex.Message}", ex);
        }

        await using (twilio)
        {
            await twilio.StartAsync(call.CallSid, stream.Parameters);
            for (var turns = 0; ; turns++)
            {
                if (turns >= maxAgentTurns)
                {
                    throw new CallFailedException($"The stream did not end within {maxAgentTurns} agent turns.");
                }

                // The host may end the stream right after a reply is heard (a transfer, a goodbye).
                if (await Task.WhenAny(twilio.Closed, Task.Delay(EndGrace, cancellationToken)) == twilio.Closed)
                {
                    Say(words);
                    return false;
                }

                var heard = await caller.ListenAsync(Listening, cancellationToken);
                if (heard is null)
                {
                    return true; // disposing the stream sends stop and closes, as Twilio does when the caller hangs up
                }

                var before = twilio.Received.Count;
                if (heard.IsSilence)
                {
                    record(TranscriptSpeaker.Caller, "(silence)");
                    var spoke = twilio.WaitForAsync(_ => twilio.Received.Count > before, CallerSilence.Longest + ReplyDeadline);
                    await CallerSilence.WaitOutAsync(Task.WhenAny(spoke, twilio.Closed), advanceClock);
                }
                else
                {
                    record(TranscriptSpeaker.Caller, heard.Speech ?? heard.Digits!);
                    before = await SayAsync(twilio, speech, heard, cancellationToken);
                    while (caller.NextInterruptsAfter is { } after && await ReplyStillPlayingAsync(twilio, before, after))
                    {
                        var line = await caller.ListenAsync(Listening, cancellationToken) ?? throw new InvalidOperationException("A caller's line that cuts in is there.");
                        before = await SayAsync(twilio, speech, line, cancellationToken);
                        record(TranscriptSpeaker.Agent, await words.TakeHeardAsync(BargeInReported) is { } cut ? InterruptedReply.Line(cut) : words.TakeSaid());
                        record(TranscriptSpeaker.Caller, line.Speech ?? line.Digits!);
                    }
                }

                var replyHeard = twilio.WaitUntilHeardAsync(before, ReplyQuiet, ReplyDeadline);
                if (await Task.WhenAny(twilio.Closed, replyHeard) == replyHeard && !replyHeard.IsCompletedSuccessfully)
                {
                    throw new CallFailedException($"The agent's reply was still playing {ReplyDeadline.TotalSeconds:0} s after it started.");
                }

                Say(words);
            }
        }
    }

    /// <summary>
    /// The caller says <paramref name="line"/> (its recording, or flite speaking it) once the recognizer is told the words
    /// it will hear, and the agent starts answering; returns how many messages the host had sent when the caller finished.
    /// </summary>
    private static async Task<int> SayAsync(TwilioMediaStream twilio, SpeechServiceStandIn speech, CallerUtterance line, CancellationToken cancellationToken)
    {
        var words = line.Speech ?? line.Digits!;
        speech.Hear(ScriptedRecognition.Heard(words));
        await twilio.SayAsync(await CallerVoice.OfAsync(line, words, cancellationToken));
        var said = twilio.Received.Count;
        await WaitForReplyAsync(twilio, said);
        return said;
    }

    /// <summary>
    /// Waits until the reply the host started after <paramref name="before"/> has played for <paramref name="after"/>
    /// (true: the caller cuts in now), or has been heard to its end first (false: the next line is a turn of its own).
    /// </summary>
    private static async Task<bool> ReplyStillPlayingAsync(TwilioMediaStream twilio, int before, TimeSpan after)
    {
        var heard = twilio.WaitUntilHeardAsync(before, ReplyQuiet, ReplyDeadline);
        HostMessage? started = null;
        while (started is null || twilio.AudioTime < started.ArrivedAt + after)
        {
            started ??= twilio.Received.Skip(before).FirstOrDefault(m => m.Event == "media");
            if (heard.IsCompleted || twilio.Closed.IsCompleted)
            {
                return false;
            }

            await Task.Delay(TwilioMediaStream.Frame);
        }

        return !heard.IsCompleted && !twilio.Closed.IsCompleted;
    }

    /// <summary>Waits until the host answers (audio or a mark after the <paramref name="before"/> messages it had sent) or closes.</summary>
    private static async Task WaitForReplyAsync(TwilioMediaStream twilio, int before)
    {
        var answered = twilio.WaitForAsync(_ => twilio.Received.Count > before, ReplyDeadline);
        if (await Task.WhenAny(answered, twilio.Closed) == answered && !answered.IsCompletedSuccessfully)
        {
            throw new CallFailedException($"The agent did not answer within {ReplyDeadline.TotalSeconds:0} s of the caller's line.");
        }
    }

    private void Say(LiveAgentWords words)
    {
        if (words.TakeSaid() is { Length: > 0 } text)
        {
            record(TranscriptSpeaker.Agent, text);
        }
    }
}
