using VoiceAgent.WebPubSubHost.Realtime;

namespace VoiceAgent.WebPubSubHost.Streams;

/// <summary><c>GET /stream</c>: the bidirectional Media Streams WebSocket (signed upgrade, then a <c>start</c> naming a live call).</summary>
public static class StreamEndpoint
{
    public const string Path = "/stream";

    public static IEndpointRouteBuilder MapStream(this IEndpointRouteBuilder endpoints) => endpoints.MapRealtimeSocket<StreamSession>(Path);
}
