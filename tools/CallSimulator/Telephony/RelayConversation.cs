using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using VoiceAgent.CallSimulator.Twiml;
using VoiceAgent.TwilioSigning;

namespace VoiceAgent.CallSimulator.Telephony;

/// <summary>
/// Plays Twilio's side of a ConversationRelay session (protocols.md §3): opens the socket signed as Twilio signs it,
/// sends <c>setup</c> with the call and its <c>&lt;Parameter&gt;</c>s, then turns the caller's lines into final prompts
/// and reads the agent's text tokens until the last one of each turn; a line that cuts in is an <c>interrupt</c> with
/// what Twilio had spoken of the reply by then, then the prompt. The caller's silence is time passing on the app's
/// clock until the agent speaks again. Ends with the host's <c>end</c> (its handoff data), the socket closing, or the
/// caller hanging up.
/// </summary>
public sealed class RelayConversation(RealtimeEndpoint endpoint, ICaller caller, Action<TranscriptSpeaker, string> record, Action<TimeSpan>? advanceClock, int maxAgentTurns)
{
    /// <summary>How long, after a turn's last token, the host has to end the session before the caller speaks again.</summary>
    private static readonly TimeSpan EndGrace = TimeSpan.FromMilliseconds(500);

    /// <summary>How fast Twilio's voice speaks the agent's text, for what a caller who cuts in has heard (about 170 words a minute).</summary>
    private const double CharactersPerSecond = 15;

    /// <summary>How long a caller who cuts in speaks before Twilio sends their words as the prompt.</summary>
    private static readonly TimeSpan CallerCutInSpeech = TimeSpan.FromMilliseconds(400);

    /// <summary>What Twilio's gather of a relay call listens for: speech and keys, like the Gather transport's.</summary>
    private static readonly GatherVerb Listening = new() { Input = "speech dtmf", TimeoutSeconds = 5, ActionOnEmptyResult = true };

    public async Task<RelayOutcome> RunAsync(RelayNoun relay, CallIdentity call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(relay);
        ArgumentNullException.ThrowIfNull(call);
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-Twilio-Signature", TwilioSignature.Compute(endpoint.AuthToken, relay.Url, []));
        try
        {
            await socket.ConnectAsync(endpoint.Resolve(relay.Url), cancellationToken);
        }
        catch (WebSocketException ex)
        {
            throw new CallFailedException($"Could not open the ConversationRelay socket {relay.Url}: {ex.Message}", ex);
        }

        var customParameters = new JsonObject();
        foreach (var (name, value) in relay.Parameters)
        {
            customParameters[name] = value;
        }

        await SendAsync(socket, new JsonObject
        {
            ["type"] = "setup",
            ["sessionId"] = "VX" + Guid.NewGuid().ToString("N"),
            ["callSid"] = call.CallSid,
            ["from"] = call.From,
            ["to"] = call.To,
            ["direction"] = "inbound",
            ["callType"] = "PSTN",
            ["customParameters"] = customParameters,
        }, cancellationToken);

        var incoming = ReceiveAsync(socket, cancellationToken);
        var callerCutIn = false;
        for (var turns = 0; ; turns++)
        {
            if (turns >= maxAgentTurns)
            {
                throw new CallFailedException($"The relay session did not end within {maxAgentTurns} agent turns.");
            }

            // The host may end the session right after the turn's last token (a transfer, a goodbye); not when the
            // caller is already speaking over it.
            if (!callerCutIn && await Task.WhenAny(incoming, Task.Delay(EndGrace, cancellationToken)) == incoming && await EndOf(incoming) is { } ended)
            {
                return ended;
            }

            var heard = await caller.ListenAsync(Listening, cancellationToken);
            if (heard is null)
            {
                await CloseAsync(socket);
                return RelayOutcome.HungUp;
            }

            if (heard.IsSilence)
            {
                record(TranscriptSpeaker.Caller, "(silence)");
                await CallerSilence.WaitOutAsync(incoming, advanceClock);
            }
            else
            {
                var words = heard.Speech ?? heard.Digits!;
                record(TranscriptSpeaker.Caller, words);
                await SendAsync(socket, new JsonObject { ["type"] = "prompt", ["voicePrompt"] = words, ["lang"] = "en-US", ["last"] = true }, cancellationToken);
            }

            var reply = await ReadReplyAsync(incoming, socket, caller.NextInterruptsAfter, cancellationToken);
            incoming = reply.Incoming;
            if (reply.Ended is { } over)
            {
                return over;
            }

            callerCutIn = reply.CutIn;
        }
    }

    /// <summary>
    /// Reads the agent's reply to its last token and records it. When the caller's next line cuts in
    /// <paramref name="interruptsAfter"/> into the reply (Twilio speaking it at <see cref="CharactersPerSecond"/>), the
    /// reply is cut there instead: <c>interrupt</c> with what was heard, and the rest of it, still arriving, is dropped
    /// while the caller speaks.
    /// </summary>
    private async Task<ReplyRead> ReadReplyAsync(Task<JsonObject?> incoming, ClientWebSocket socket, TimeSpan? interruptsAfter, CancellationToken cancellationToken)
    {
        var reply = new StringBuilder();
        Stopwatch? speaking = null;
        var complete = false;
        while (true)
        {
            if (interruptsAfter is { } after && speaking is not null)
            {
                var spoken = TimeSpan.FromSeconds(reply.Length / CharactersPerSecond);
                if (complete && spoken <= after)
                {
                    break; // the reply is over before the caller would cut in: the line is a turn of its own
                }

                var left = after - speaking.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    return await CutInAsync(incoming, socket, reply.ToString(), after, cancellationToken);
                }

                if (await Task.WhenAny(incoming, Task.Delay(left, cancellationToken)) != incoming)
                {
                    continue;
                }
            }
            else if (complete)
            {
                break;
            }

            var message = await incoming;
            incoming = ReceiveAsync(socket, cancellationToken);
            switch (message?["type"]?.GetValue<string>())
            {
                case null:
                    Say(reply);
                    return new ReplyRead(incoming, RelayOutcome.Closed);
                case "end":
                    Say(reply);
                    return new ReplyRead(incoming, new RelayOutcome(message["handoffData"]?.GetValue<string>(), CallerHungUp: false));
                case "text":
                    speaking ??= Stopwatch.StartNew();
                    reply.Append(message["token"]?.GetValue<string>());
                    complete = message["last"]?.GetValue<bool>() == true;
                    break;
                default:
                    break; // play, sendDigits, language: nothing the simulator acts on
            }
        }

        Say(reply);
        return new ReplyRead(incoming, Ended: null);
    }

    /// <summary>
    /// The caller speaks over the reply <paramref name="after"/> into it: Twilio sends <c>interrupt</c> with what was
    /// spoken by then, and the transcript keeps only that. While the caller speaks, what the host still sends of the
    /// reply is dropped; the caller's words follow as the next prompt.
    /// </summary>
    private async Task<ReplyRead> CutInAsync(Task<JsonObject?> incoming, ClientWebSocket socket, string reply, TimeSpan after, CancellationToken cancellationToken)
    {
        var heard = HeardBy(reply, after);
        record(TranscriptSpeaker.Agent, InterruptedReply.Line(heard));
        await SendAsync(socket, new JsonObject
        {
            ["type"] = "interrupt",
            ["utteranceUntilInterrupt"] = heard,
            ["durationUntilInterruptMs"] = (int)after.TotalMilliseconds,
        }, cancellationToken);
        var speakingUntil = Stopwatch.StartNew();
        while (speakingUntil.Elapsed < CallerCutInSpeech)
        {
            if (await Task.WhenAny(incoming, Task.Delay(CallerCutInSpeech - speakingUntil.Elapsed, cancellationToken)) != incoming)
            {
                break;
            }

            var message = await incoming;
            incoming = ReceiveAsync(socket, cancellationToken);
            switch (message?["type"]?.GetValue<string>())
            {
                case null:
                    return new ReplyRead(incoming, RelayOutcome.Closed);
                case "end":
                    return new ReplyRead(incoming, new RelayOutcome(message["handoffData"]?.GetValue<string>(), CallerHungUp: false));
            }
        }

        return new ReplyRead(incoming, Ended: null, CutIn: true);
    }

    /// <summary>What of <paramref name="reply"/> Twilio had spoken <paramref name="after"/> into it, to the last whole word.</summary>
    private static string HeardBy(string reply, TimeSpan after)
    {
        var spoken = (int)Math.Min(reply.Length, after.TotalSeconds * CharactersPerSecond);
        if (spoken == reply.Length)
        {
            return reply.Trim();
        }

        var cut = reply.LastIndexOf(' ', spoken);
        return cut <= 0 ? string.Empty : reply[..cut].Trim();
    }

    private void Say(StringBuilder reply)
    {
        var text = reply.ToString().Trim();
        if (text.Length > 0)
        {
            record(TranscriptSpeaker.Agent, text);
        }

        reply.Clear();
    }

    /// <summary>The session's end, if the message that came was the end (or the socket closed); null for anything else, which is a failure here.</summary>
    private static async Task<RelayOutcome?> EndOf(Task<JsonObject?> incoming)
    {
        var message = await incoming;
        return message?["type"]?.GetValue<string>() switch
        {
            null => RelayOutcome.Closed,
            "end" => new RelayOutcome(message["handoffData"]?.GetValue<string>(), CallerHungUp: false),
            var type => throw new CallFailedException($"The agent sent '{type}' while the caller had not said anything."),
        };
    }

    private static async Task<JsonObject?> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16384];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return JsonNode.Parse(message.ToArray()) as JsonObject ?? throw new CallFailedException("The relay host sent a message that is not a JSON object.");
                }
            }
        }
        catch (WebSocketException)
        {
            return null;
        }
    }

    private static Task SendAsync(ClientWebSocket socket, JsonObject message, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static async Task CloseAsync(ClientWebSocket socket)
    {
        try
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "caller hung up", CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // The host went first.
        }
    }
}

/// <summary>A reply read: the next message's read, how the session ended if it did, and whether the caller cut in.</summary>
internal sealed record ReplyRead(Task<JsonObject?> Incoming, RelayOutcome? Ended, bool CutIn = false);

/// <summary>How a relay session ended: the host's handoff data (null when it closed without one), or the caller hanging up.</summary>
public sealed record RelayOutcome(string? HandoffData, bool CallerHungUp)
{
    public static RelayOutcome Closed { get; } = new(null, CallerHungUp: false);

    public static RelayOutcome HungUp { get; } = new(null, CallerHungUp: true);
}
