using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VoiceAgent.Core.Calls;
using VoiceAgent.TwilioSigning;

namespace VoiceAgent.RelayLoad;

/// <summary>
/// Twilio's side of one ConversationRelay socket (protocols.md §3): the signed upgrade, carrying a <c>traceparent</c>
/// so the host's work for this call is told apart from the others'; <c>setup</c> naming the live call; final prompts;
/// and each reply read back as its <c>text</c> tokens, timed from just before the prompt was sent.
/// </summary>
internal sealed class RelaySocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly byte[] _buffer = new byte[16 * 1024];

    private RelaySocket(ClientWebSocket socket) => _socket = socket;

    public static async Task<RelaySocket> ConnectAsync(RelayStack stack, ActivityTraceId trace, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        var signedUrl = RelayStack.PublicBaseUrl.Replace("https://", "wss://", StringComparison.Ordinal) + "/relay";
        socket.Options.SetRequestHeader("X-Twilio-Signature", TwilioSignature.Compute(stack.AuthToken, signedUrl, []));
        // The upgrade's own HTTP activity sends the traceparent: started under the call's trace, it carries that trace.
        using (new Activity("RelayLoad.Connect").SetParentId(trace, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded).Start())
        {
            await socket.ConnectAsync(stack.RelayUri, cancellationToken);
        }

        return new RelaySocket(socket);
    }

    public Task SetupAsync(string callSid, string tenantId, string from, string to, CancellationToken cancellationToken) => SendAsync(new JsonObject
    {
        ["type"] = "setup",
        ["sessionId"] = "VX" + Guid.NewGuid().ToString("N"),
        ["accountSid"] = "AC" + new string('0', 32),
        ["callSid"] = callSid,
        ["from"] = from,
        ["to"] = to,
        ["direction"] = "inbound",
        ["callType"] = "PSTN",
        ["customParameters"] = new JsonObject
        {
            [RealtimeCallParameters.TenantId] = tenantId,
            [RealtimeCallParameters.CallSid] = callSid,
        },
    }, cancellationToken);

    /// <summary>Sends the caller's final prompt and reads the reply to its last token.</summary>
    public async Task<TimedReply> AskAsync(string words, CancellationToken cancellationToken)
    {
        var sent = Stopwatch.GetTimestamp();
        await SendAsync(new JsonObject { ["type"] = "prompt", ["voicePrompt"] = words, ["lang"] = "en-US", ["last"] = true }, cancellationToken);
        long? first = null;
        var text = new StringBuilder();
        while (true)
        {
            var message = await ReceiveAsync(cancellationToken)
                ?? throw new InvalidOperationException($"The host closed the socket before replying to \"{words}\".");
            var at = Stopwatch.GetTimestamp();
            if (message["type"]?.GetValue<string>() != "text")
            {
                throw new InvalidOperationException($"Expected text tokens in reply to \"{words}\", got {message.ToJsonString()}.");
            }

            first ??= at;
            text.Append(message["token"]?.GetValue<string>());
            if (message["last"]?.GetValue<bool>() == true)
            {
                return new TimedReply(text.ToString().Trim(), Stopwatch.GetElapsedTime(sent, first.Value), Stopwatch.GetElapsedTime(sent, at));
            }
        }
    }

    /// <summary>The <c>end</c> message that closes a session the agent ended, with its handoff reason.</summary>
    public async Task<string?> ReadEndAsync(CancellationToken cancellationToken)
    {
        var message = await ReceiveAsync(cancellationToken);
        return message?["type"]?.GetValue<string>() == "end"
            ? RealtimeHandoff.Parse(message["handoffData"]?.GetValue<string>())?.Reason
            : null;
    }

    private async Task<JsonObject?> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(_buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(_buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(message.ToArray())!.AsObject();
            }
        }
    }

    private Task SendAsync(JsonObject message, CancellationToken cancellationToken) =>
        _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "hangup", CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // The host went first.
            }
        }

        _socket.Dispose();
    }
}
