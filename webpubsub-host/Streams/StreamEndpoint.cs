using Microsoft.Extensions.Options;
using VoiceAgent.Core.Telephony;
using VoiceAgent.WebPubSubHost.Realtime;

namespace VoiceAgent.WebPubSubHost.Streams;

/// <summary>
/// <c>GET /stream</c>: the bidirectional Media Streams WebSocket. The upgrade's <c>X-Twilio-Signature</c> is checked
/// before the socket is accepted (403, nothing read); the session then refuses a <c>start</c> that names no live call.
/// </summary>
public static class StreamEndpoint
{
    public const string Path = "/stream";

    public static IEndpointRouteBuilder MapStream(this IEndpointRouteBuilder endpoints)
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
        await using var session = ActivatorUtilities.CreateInstance<StreamSession>(services, text, options.Value);
        await session.RunAsync(lifetime.ApplicationStopping);
        return TypedResults.Empty;
    }
}
