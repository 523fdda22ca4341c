using Microsoft.Extensions.Options;
using VoiceAgent.Core.Telephony;
using VoiceAgent.WebPubSubHost.Realtime;

namespace VoiceAgent.WebPubSubHost.Relay;

/// <summary>
/// <c>GET /relay</c>: the ConversationRelay WebSocket. The upgrade's <c>X-Twilio-Signature</c> is checked before the
/// socket is accepted (403, nothing read); the session then refuses a <c>setup</c> that names no live call.
/// </summary>
public static class RelayEndpoint
{
    public const string Path = "/relay";

    public static IEndpointRouteBuilder MapRelay(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        TwilioWebhookVerifier twilio,
        IServiceProvider services,
        IOptions<RealtimeOptions> options,
        IHostApplicationLifetime lifetime)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return TypedResults.BadRequest("A WebSocket upgrade is expected.");
        }

        if (!twilio.IsValidUpgrade(context.Request))
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var text = new SocketText(socket, options.Value.MaxMessageBytes);
        await using var session = ActivatorUtilities.CreateInstance<RelaySession>(services, text, options.Value);
        await session.RunAsync(lifetime.ApplicationStopping);
        return TypedResults.Empty;
    }
}
