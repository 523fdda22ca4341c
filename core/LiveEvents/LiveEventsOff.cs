using Microsoft.Extensions.Logging;

namespace VoiceAgent.Core.LiveEvents;

/// <summary>
/// The function app's live call events when no Web PubSub is configured: nobody can watch, so each event is counted and
/// dropped, and the first drop says why in the log (once, not per event).
/// </summary>
public sealed partial class LiveEventsOff(ILogger<LiveEventsOff> logger) : ICallEventPublisher
{
    private long _dropped;

    /// <summary>Events dropped so far.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public ValueTask PublishAsync(CallEvent callEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callEvent);
        if (Interlocked.Increment(ref _dropped) == 1)
        {
            LogOff(logger);
        }

        return ValueTask.CompletedTask;
    }

    [LoggerMessage(EventId = 6105, Level = LogLevel.Information, Message = "Live call events are off: neither WebPubSub:Endpoint nor WebPubSub:ConnectionString is set, so staff cannot watch calls live")]
    private static partial void LogOff(ILogger logger);
}
