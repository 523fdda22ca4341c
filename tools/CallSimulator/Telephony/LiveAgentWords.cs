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
    private readonly ConcurrentQueue<Said> _said = new();
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

    /// <summary>
    /// The sentences said since the last take, as one line; empty when there were none. Where the caller cut in, what
    /// came before is only what they heard (<see cref="InterruptedReply"/>).
    /// </summary>
    public string TakeSaid()
    {
        var said = new List<string>();
        while (_said.TryDequeue(out var next))
        {
            if (next.CutIn)
            {
                said.Clear();
                said.Add(InterruptedReply.Line(next.Text));
            }
            else
            {
                said.Add(next.Text);
            }
        }

        return string.Join(' ', said);
    }

    /// <summary>
    /// Waits for the host to report that the caller cut in, and takes what they heard of the reply (dropping the
    /// sentences of it before the report); null when no cut was reported <paramref name="within"/>.
    /// </summary>
    public async Task<string?> TakeHeardAsync(TimeSpan within)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!_said.Any(s => s.CutIn))
        {
            if (waited.Elapsed >= within)
            {
                return null;
            }

            await Task.Delay(10);
        }

        while (_said.TryDequeue(out var next))
        {
            if (next.CutIn)
            {
                return next.Text;
            }
        }

        return null;
    }

    private void Take(ReadOnlyMemory<byte> message)
    {
        if (JsonNode.Parse(message.Span) is not JsonObject json || json["callSid"]?.GetValue<string>() != CallSid)
        {
            return;
        }

        switch (json["type"]?.GetValue<string>())
        {
            case "agentSentence" when json["text"]?.GetValue<string>() is { Length: > 0 } text:
                _said.Enqueue(new Said(text.Trim(), CutIn: false));
                break;
            case "bargeIn":
                _said.Enqueue(new Said(json["heard"]?.GetValue<string>() ?? string.Empty, CutIn: true));
                break;
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
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // The read was cut by the abort (mid-read, or as the next read began).
        }

        _text.Dispose();
        _socket.Dispose();
    }

    /// <summary>A sentence the agent said, or (<paramref name="CutIn"/>) what the caller heard of the reply when they cut in.</summary>
    private sealed record Said(string Text, bool CutIn);
}
