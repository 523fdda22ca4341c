namespace VoiceAgent.WebPubSubHost.Realtime;

/// <summary>One real-time call on one socket, from its first message to its end (ConversationRelay or Media Streams).</summary>
public interface IRealtimeSession : IAsyncDisposable
{
    /// <summary>Runs the call until it ends; <paramref name="hostStopping"/> hands it back to Gather.</summary>
    Task RunAsync(CancellationToken hostStopping);
}
