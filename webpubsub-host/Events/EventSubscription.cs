using System.Threading.Channels;

namespace VoiceAgent.WebPubSubHost.Events;

/// <summary>
/// One connected client's place in <see cref="LocalEventFanOut"/>: the tenant it may see, its backlog of event JSON,
/// and <see cref="DroppedToken"/>, cancelled when it fell too far behind, so a send stuck on that client is abandoned.
/// </summary>
public sealed class EventSubscription : IDisposable
{
    private readonly Channel<byte[]> _backlog;
    private readonly Action<EventSubscription> _unsubscribe;
    private readonly CancellationTokenSource _dropped = new();

    internal EventSubscription(string tenantId, int backlog, Action<EventSubscription> unsubscribe)
    {
        TenantId = tenantId;
        _unsubscribe = unsubscribe;
        _backlog = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(backlog)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails instead of waiting: that is the drop signal
            SingleReader = true,
            SingleWriter = false,
        });
    }

    public string TenantId { get; }

    /// <summary>Event JSON, oldest first; completes when the subscription is dropped or disposed.</summary>
    public ChannelReader<byte[]> Messages => _backlog.Reader;

    public bool WasDropped => _dropped.IsCancellationRequested;

    public CancellationToken DroppedToken => _dropped.Token;

    internal bool TryDeliver(byte[] json) => _backlog.Writer.TryWrite(json);

    internal void Drop()
    {
        _backlog.Writer.TryComplete();
        _dropped.Cancel();
    }

    public void Dispose()
    {
        _unsubscribe(this);
        _backlog.Writer.TryComplete(); // the token source is left to the collector: a concurrent Drop may still cancel it
    }
}
