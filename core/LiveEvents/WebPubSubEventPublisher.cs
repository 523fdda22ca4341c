using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VoiceAgent.Core.LiveEvents;

/// <summary>
/// Hands live call events to Azure Web PubSub without ever making a call wait: <see cref="PublishAsync"/> only puts the
/// event in a bounded queue (completing synchronously), and <see cref="WebPubSubEventSender"/> sends from it in the
/// background. When the queue is full the oldest event is dropped (a dashboard wants what is happening now) and counted.
/// </summary>
public sealed partial class WebPubSubEventPublisher : ICallEventPublisher
{
    private readonly Channel<CallEvent> _queue;
    private readonly ILogger<WebPubSubEventPublisher> _logger;
    private long _dropped;

    public WebPubSubEventPublisher(IOptions<WebPubSubOptions> options, ILogger<WebPubSubEventPublisher> logger)
    {
        _logger = logger;
        var queue = new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
        };
        _queue = Channel.CreateBounded<CallEvent>(queue, OnDropped);
    }

    /// <summary>Events dropped so far: pushed out of a full queue, or published after shutdown began.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>What the background sender reads.</summary>
    internal ChannelReader<CallEvent> Queue => _queue.Reader;

    public ValueTask PublishAsync(CallEvent callEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callEvent);
        if (!_queue.Writer.TryWrite(callEvent))
        {
            OnDropped(callEvent); // the host is stopping: the queue no longer takes events
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>No more events: the sender drains what is queued and stops.</summary>
    internal void Complete() => _queue.Writer.TryComplete();

    private void OnDropped(CallEvent callEvent)
    {
        var dropped = Interlocked.Increment(ref _dropped);
        if (dropped == 1 || dropped % 100 == 0)
        {
            LogDropped(_logger, dropped, callEvent.TenantId, callEvent.CallSid);
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Live call event queue full or closed: {Dropped} events dropped so far (latest of tenant {TenantId}, call {CallSid})")]
    private static partial void LogDropped(ILogger logger, long dropped, string tenantId, string callSid);
}
