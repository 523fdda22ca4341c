using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace VoiceAgent.CallSimulator.Telephony;

/// <summary>
/// What the agent says on one call, read as the shop's staff read it: the real-time host's live call events
/// (<c>GET /events</c>, a WebSocket signed in with a staff dev token), keeping the <c>agentSentence</c> events of
/// <see cref="CallSid"/> until they are taken.
/// </summary>
public sealed class LiveAgentWords : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly ConcurrentQueue<string> _sentences = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;

    private LiveAgentWords(ClientWebSocket socket, string callSid)
    {
        _socket = socket;
        CallSid = callSid;
        _receiving = Task.Run(ReceiveAsync);
    }

    public string CallSid { get; }

    /// <summary>Subscribes before the call's stream starts, so no sentence is missed.</summary>
    public static async Task<LiveAgentWords> ConnectAsync(Uri eventsUrl, string staffToken, string callSid, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + staffToken);
        try
        {
            await socket.ConnectAsync(eventsUrl, cancellationToken);
        }
        catch (WebSocketException ex)
        {
            socket.Dispose();
            throw new CallFailedException($"Could not subscribe to the live call events at {eventsUrl}: {ex.Message}", ex);
        }

        return new LiveAgentWords(socket, callSid);
    }

    /// <summary>The sentences said since the last take, as one line; empty when there were none.</summary>
    public string TakeSaid()
    {
        var said = new List<string>();
        while (_sentences.TryDequeue(out var sentence))
        {
            said.Add(sentence);
        }

        return string.Join(' ', said);
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[16384];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                if (JsonNode.Parse(message.ToArray()) is JsonObject json
                    && json["type"]?.GetValue<string>() == "agentSentence"
                    && json["callSid"]?.GetValue<string>() == CallSid
                    && json["text"]?.GetValue<string>() is { Length: > 0 } text)
                {
                    _sentences.Enqueue(text.Trim());
                }

                message.SetLength(0);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Unsubscribed, or the host went.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _receiving;
        _socket.Abort();
        _socket.Dispose();
        _stop.Dispose();
    }
}
