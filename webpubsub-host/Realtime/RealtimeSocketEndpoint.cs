using Microsoft.Extensions.Options;
using VoiceAgent.Core.Telephony;

namespace VoiceAgent.WebPubSubHost.Realtime;

/// <summary>
/// A Twilio WebSocket endpoint of the host: the upgrade's <c>X-Twilio-Signature</c> is checked before the socket is
/// accepted (403, nothing read), then one <typeparamref name="TSession"/> runs the call on it, which refuses a first
/// message that names no live call.
/// </summary>
public static class RealtimeSocketEndpoint
{
    public static IEndpointRouteBuilder MapRealtimeSocket<TSession>(this IEndpointRouteBuilder endpoints, string path)
        where TSession : IRealtimeSession
    {
        endpoints.MapGet(path, HandleAsync<TSession>);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync<TSession>(
        HttpContext context,
        TwilioWebhookVerifier twilio,
        IServiceProvider services,
        IOptions<RealtimeOptions> options,
        IHostApplicationLifetime lifetime)
        where TSession : IRealtimeSession
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
        await using var session = ActivatorUtilities.CreateInstance<TSession>(services, text, options.Value);
        await session.RunAsync(lifetime.ApplicationStopping);
        return TypedResults.Empty;
    }
}
