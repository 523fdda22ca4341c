using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using VoiceAgent.Core.LiveEvents;

namespace VoiceAgent.WebPubSubHost.Events;

/// <summary>
/// Live call events when Web PubSub is not configured: each event goes, as the same JSON Web PubSub would carry, to the
/// signed-in staff of its own tenant connected to the host's <c>/events</c> WebSocket. Publishing never waits for a
/// client: each has a small backlog, and a client that lets it fill is dropped rather than slowing the call.
/// </summary>
public sealed partial class LocalEventFanOut(ILogger<LocalEventFanOut> logger) : ICallEventPublisher
{
    /// <summary>Events a connected client may be behind before it is dropped.</summary>
    public const int ClientBacklog = 256;

    private readonly ConcurrentDictionary<EventSubscription, byte> _subscriptions = new();

    /// <summary>Connected clients, all tenants.</summary>
    public int Count => _subscriptions.Count;

    /// <summary>A new subscriber to <paramref name="tenantId"/>'s events; dispose it when its client leaves.</summary>
    public EventSubscription Subscribe(string tenantId, int backlog = ClientBacklog)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        var subscription = new EventSubscription(tenantId, backlog, Unsubscribe);
        _subscriptions.TryAdd(subscription, 0);
        return subscription;
    }

    public ValueTask PublishAsync(CallEvent callEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callEvent);
        byte[]? json = null;
        foreach (var subscription in _subscriptions.Keys)
        {
            if (!string.Equals(subscription.TenantId, callEvent.TenantId, StringComparison.Ordinal))
            {
                continue;
            }

            json ??= CallEventJson.ToUtf8(callEvent);
            if (!subscription.TryDeliver(json))
            {
                Unsubscribe(subscription);
                subscription.Drop();
                LogSlowClientDropped(logger, subscription.TenantId);
            }
        }

        return ValueTask.CompletedTask;
    }

    private void Unsubscribe(EventSubscription subscription) => _subscriptions.TryRemove(subscription, out _);

    [LoggerMessage(EventId = 6111, Level = LogLevel.Warning, Message = "A live-events client of tenant {TenantId} fell too far behind and was dropped")]
    private static partial void LogSlowClientDropped(ILogger logger, string tenantId);
}
