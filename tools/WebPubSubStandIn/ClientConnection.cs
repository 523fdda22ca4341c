using System.Net.WebSockets;

namespace VoiceAgent.WebPubSubStandIn;

/// <summary>A client connected to a hub, with the groups its token joined it to.</summary>
internal sealed class ClientConnection(string id, string hub, string? userId, IReadOnlySet<string> groups, bool subprotocol, WebSocket socket) : IDisposable
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _sending = new(1, 1);

    public string Id { get; } = id;

    public string Hub { get; } = hub;

    public string? UserId { get; } = userId;

    public IReadOnlySet<string> Groups { get; } = groups;

    /// <summary>Spoke <c>json.webpubsub.azure.v1</c>: gets envelopes; otherwise the raw payload, as the service does.</summary>
    public bool Subprotocol { get; } = subprotocol;

    /// <summary>One frame at a time (a WebSocket allows one send in flight); a client that will not take it in time loses it.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> frame, WebSocketMessageType type)
    {
        using var timeout = new CancellationTokenSource(SendTimeout);
        try
        {
            await _sending.WaitAsync(timeout.Token);
            try
            {
                await socket.SendAsync(frame, type, endOfMessage: true, timeout.Token);
            }
            finally
            {
                _sending.Release();
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // the client is gone or stuck: the service drops it too
        }
    }

    public void Dispose() => _sending.Dispose();
}
