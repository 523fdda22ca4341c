using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VoiceAgent.Core.Calls;
using VoiceAgent.TwilioSigning;

namespace VoiceAgent.WebPubSubHost.Tests.Support;

/// <summary>
/// Twilio's side of a ConversationRelay socket, as the wire has it (protocols.md §3): a signed upgrade, then
/// <c>setup</c>, prompts, interrupts and DTMF as JSON text frames; the host's <c>text</c> and <c>end</c> read back.
/// </summary>
public sealed class RelayTwilio : IAsyncDisposable
{
    public const string ShopNumber = "+15555550100";
    public const string JohnSmith = "+15555550101";

    private readonly ClientWebSocket _socket;

    private RelayTwilio(ClientWebSocket socket) => _socket = socket;

    public WebSocketState State => _socket.State;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    /// <summary>Opens the socket, signed as Twilio signs it (the <c>wss</c> URL of the host's public name); <paramref name="signature"/> overrides.</summary>
    public static async Task<RelayTwilio> ConnectAsync(RealtimeHost host, string? signature = null)
    {
        var socket = new ClientWebSocket();
        var signedUrl = new Uri(RealtimeHost.PublicBaseUrl.Replace("https://", "wss://", StringComparison.Ordinal) + "/relay");
        socket.Options.SetRequestHeader("X-Twilio-Signature", signature ?? TwilioSignature.Compute(host.AuthToken, signedUrl.AbsoluteUri, []));
        await socket.ConnectAsync(new Uri(host.SocketBase, "/relay"), CancellationToken.None);
        return new RelayTwilio(socket);
    }

    public Task SetupAsync(string callSid, string tenantId, string? claimedCallSid = null, string from = JohnSmith) => SendAsync(new JsonObject
    {
        ["type"] = "setup",
        ["sessionId"] = "VX" + Guid.NewGuid().ToString("N"),
        ["accountSid"] = "AC" + new string('0', 32),
        ["callSid"] = callSid,
        ["from"] = from,
        ["to"] = ShopNumber,
        ["direction"] = "inbound",
        ["callType"] = "PSTN",
        ["customParameters"] = new JsonObject
        {
            [RealtimeCallParameters.TenantId] = tenantId,
            [RealtimeCallParameters.CallSid] = claimedCallSid ?? callSid,
        },
    });

    public Task PromptAsync(string words, bool last = true) => SendAsync(new JsonObject { ["type"] = "prompt", ["voicePrompt"] = words, ["lang"] = "en-US", ["last"] = last });

    public Task InterruptAsync(string heard) => SendAsync(new JsonObject { ["type"] = "interrupt", ["utteranceUntilInterrupt"] = heard, ["durationUntilInterruptMs"] = 1200 });

    public Task DtmfAsync(string digit) => SendAsync(new JsonObject { ["type"] = "dtmf", ["digit"] = digit });

    /// <summary>The agent's next whole reply: the text tokens up to the one marked last, joined; or the <c>end</c> that came instead.</summary>
    public async Task<RelayAnswer> ReadReplyAsync(TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(30));
        var text = new StringBuilder();
        while (true)
        {
            var message = await ReceiveAsync(timeout.Token);
            if (message is null)
            {
                return new RelayAnswer(text.ToString().Trim(), null, Closed: true);
            }

            switch (message["type"]?.GetValue<string>())
            {
                case "text":
                    text.Append(message["token"]?.GetValue<string>());
                    if (message["last"]?.GetValue<bool>() == true)
                    {
                        return new RelayAnswer(text.ToString().Trim(), null, Closed: false);
                    }

                    break;
                case "end":
                    return new RelayAnswer(text.ToString().Trim(), RealtimeHandoff.Parse(message["handoffData"]?.GetValue<string>()), Closed: false);
            }
        }
    }

    /// <summary>The next message; null once the host closed the socket.</summary>
    public async Task<JsonObject?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[65536];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(message.ToArray())!.AsObject();
            }
        }
    }

    private Task SendAsync(JsonObject message) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
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

/// <summary>One reply as Twilio got it: the words, or the session's end with its handoff, or the socket closed.</summary>
public sealed record RelayAnswer(string Text, RealtimeHandoff? Handoff, bool Closed);
