using VoiceAgent.WebPubSubHost.Realtime;

namespace VoiceAgent.WebPubSubHost.Relay;

/// <summary><c>GET /relay</c>: the ConversationRelay WebSocket (signed upgrade, then a <c>setup</c> naming a live call).</summary>
public static class RelayEndpoint
{
    public const string Path = "/relay";

    public static IEndpointRouteBuilder MapRelay(this IEndpointRouteBuilder endpoints) => endpoints.MapRealtimeSocket<RelaySession>(Path);
}
