using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using VoiceAgent.WebPubSubHost.Realtime;

namespace VoiceAgent.CallSimulator.Telephony;

/// <summary>
/// What the agent says on one call, read as the shop's staff read it: the real-time host's live call events
/// (<c>GET /events</c>, a WebSocket signed in with a staff dev token), keeping the <c>agentSentence</c> events of
/// <see cref="CallSid"/> until they are taken.
/// </summary>
public sealed class LiveAgentWords : IAsyncDisposable
{
    /// <summary>Far more than any one event's JSON.</summary>
    private const int MaxEventBytes = 1 << 20;

    private readonly ClientWebSocket _socket;
    private readonly ConcurrentQueue<string> _sentences = new();
    private readonly SocketText _text;
    private readonly Task _receiving;

    private LiveAgentWords(ClientWebSocket socket, string callSid)
    {
        _socket = socket;
        _text = new SocketText(socket, MaxEventBytes);
        CallSid = callSid;
        _receiving = Task.Run(() => _text.ReadUntilClosedAsync(Take));
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

    private void Take(ReadOnlyMemory<byte> message)
    {
        if (JsonNode.Parse(message.Span) is JsonObject json
            && json["type"]?.GetValue<string>() == "agentSentence"
            && json["callSid"]?.GetValue<string>() == CallSid
            && json["text"]?.GetValue<string>() is { Length: > 0 } text)
        {
            _sentences.Enqueue(text.Trim());
        }
    }

    /// <summary>Unsubscribes: the socket is dropped, which ends the read.</summary>
    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        try
        {
            await _receiving;
        }
        catch (OperationCanceledException)
        {
            // The read was cut by the abort.
        }

        _text.Dispose();
        _socket.Dispose();
    }
}
