using Microsoft.Extensions.Logging;

namespace VoiceAgent.Core.LiveEvents;

/// <summary>
/// Publishes a session's live call events without ever failing the call: the events are for staff watching, and a
/// publisher that throws is logged and the call goes on.
/// </summary>
public sealed partial class CallEventReporter(ICallEventPublisher events, ILogger<CallEventReporter> logger)
{
    public async Task ReportAsync(CallEvent callEvent)
    {
        ArgumentNullException.ThrowIfNull(callEvent);
        try
        {
            await events.PublishAsync(callEvent, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogPublishFailed(logger, callEvent.GetType().Name, ex);
        }
    }

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Publishing the live call event {EventType} failed")]
    private static partial void LogPublishFailed(ILogger logger, string eventType, Exception exception);
}
