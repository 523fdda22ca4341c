using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using VoiceAgent.CallSimulator.Twiml;
using VoiceAgent.TwilioSigning;

namespace VoiceAgent.CallSimulator.Telephony;

/// <summary>
/// Plays Twilio's side of a ConversationRelay session (protocols.md §3): opens the socket signed as Twilio signs it,
/// sends <c>setup</c> with the call and its <c>&lt;Parameter&gt;</c>s, then turns the caller's lines into final prompts
/// and reads the agent's text tokens until the last one of each turn. The caller's silence is time passing on the app's
/// clock until the agent speaks again. Ends with the host's <c>end</c> (its handoff data), the socket closing, or the
/// caller hanging up.
/// </summary>
public sealed class RelayConversation(RealtimeEndpoint endpoint, ICaller caller, Action<TranscriptSpeaker, string> record, Action<TimeSpan>? advanceClock, int maxAgentTurns)
{
    /// <summary>How long, after a turn's last token, the host has to end the session before the caller speaks again.</summary>
    private static readonly TimeSpan EndGrace = TimeSpan.FromMilliseconds(500);

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
        for (var turns = 0; ; turns++)
        {
            if (turns >= maxAgentTurns)
            {
                throw new CallFailedException($"The relay session did not end within {maxAgentTurns} agent turns.");
            }

            // The host may end the session right after the turn's last token (a transfer, a goodbye).
            if (await Task.WhenAny(incoming, Task.Delay(EndGrace, cancellationToken)) == incoming && await EndOf(incoming) is { } ended)
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

            var reply = new StringBuilder();
            while (true)
            {
                var message = await incoming;
                incoming = ReceiveAsync(socket, cancellationToken);
                switch (message?["type"]?.GetValue<string>())
                {
                    case null:
                        Say(reply);
                        return RelayOutcome.Closed;
                    case "end":
                        Say(reply);
                        return new RelayOutcome(message["handoffData"]?.GetValue<string>(), CallerHungUp: false);
                    case "text":
                        reply.Append(message["token"]?.GetValue<string>());
                        if (message["last"]?.GetValue<bool>() != true)
                        {
                            continue;
                        }

                        break;
                    default:
                        continue; // play, sendDigits, language: nothing the simulator acts on
                }

                Say(reply);
                break;
            }
        }
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

/// <summary>How a relay session ended: the host's handoff data (null when it closed without one), or the caller hanging up.</summary>
public sealed record RelayOutcome(string? HandoffData, bool CallerHungUp)
{
    public static RelayOutcome Closed { get; } = new(null, CallerHungUp: false);

    public static RelayOutcome HungUp { get; } = new(null, CallerHungUp: true);
}
