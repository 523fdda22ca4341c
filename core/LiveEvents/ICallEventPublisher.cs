namespace VoiceAgent.Core.LiveEvents;

/// <summary>
/// Where live call events go: Azure Web PubSub when it is configured, the host's local WebSocket fan-out otherwise. A
/// publish never fails a call: an implementation logs and drops what it cannot deliver.
/// </summary>
public interface ICallEventPublisher
{
    ValueTask PublishAsync(CallEvent callEvent, CancellationToken cancellationToken);
}
