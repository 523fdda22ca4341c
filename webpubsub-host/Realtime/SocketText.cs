using System.Buffers;
using System.Net.WebSockets;

namespace VoiceAgent.WebPubSubHost.Realtime;

/// <summary>
/// Whole text messages over a WebSocket: reads reassemble fragments up to a size limit; sends are one at a time (a
/// WebSocket allows only one send in flight), whichever part of the session sends.
/// </summary>
public sealed class SocketText(WebSocket socket, int maxMessageBytes) : IDisposable
{
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly ArrayBufferWriter<byte> _received = new();

    public bool IsOpen => socket.State == WebSocketState.Open;

    /// <summary>The next text message; null when the peer closed the socket (or sent what this protocol never sends).</summary>
    public async Task<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken)
    {
        _received.ResetWrittenCount();
        while (true)
        {
            var buffer = _received.GetMemory(4096);
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            _received.Advance(result.Count);
            if (_received.WrittenCount > maxMessageBytes)
            {
                await CloseAsync(WebSocketCloseStatus.MessageTooBig, "message too big", cancellationToken);
                return null;
            }

            if (result.EndOfMessage)
            {
                return result.MessageType == WebSocketMessageType.Text ? _received.WrittenMemory : null;
            }
        }
    }

    /// <summary>
    /// Sends one whole message after any in flight. <paramref name="cancellationToken"/> gives up the wait for the turn to
    /// send, never a send under way: a WebSocket send cancelled midway aborts the socket, and a message sent whole
    /// before a later one (a <c>clear</c> after audio) keeps the order the peer relies on.
    /// </summary>
    /// <summary>
    /// Hands every message to <paramref name="onMessage"/> until the peer closes the socket or it is lost (Twilio's
    /// side of the call then carries on, or ends, without us).
    /// </summary>
    public async Task ReadUntilClosedAsync(Action<ReadOnlyMemory<byte>> onMessage)
    {
        ArgumentNullException.ThrowIfNull(onMessage);
        try
        {
            while (await ReceiveAsync(CancellationToken.None) is { } message)
            {
                onMessage(message);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
        {
            // Lost, or aborted by our own side between two reads: the same as closed for the session.
        }
    }

    public async Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            if (IsOpen)
            {
                await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Closes the socket if it is still open; a peer already gone is not an error.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string reason, CancellationToken cancellationToken)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(status, reason, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The peer went first.
        }
    }

    public void Dispose() => _sending.Dispose();
}
