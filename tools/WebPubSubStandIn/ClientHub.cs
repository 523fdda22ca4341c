using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace VoiceAgent.WebPubSubStandIn;

/// <summary>
/// The client WebSocket, <c>/client/hubs/{hub}?access_token=…</c>: the token must be signed with the access key for
/// <c>aud</c> = <c>{endpoint}/client/hubs/{hub}</c> and unexpired (else 401, no upgrade); the connection joins the
/// groups in its <c>webpubsub.group</c> claim. With <c>json.webpubsub.azure.v1</c> it first gets the <c>connected</c>
/// system message and then group messages in their envelope. What the client sends is read and ignored.
/// </summary>
internal static class ClientHub
{
    public const string Subprotocol = "json.webpubsub.azure.v1";

    public static void MapClientHub(this IEndpointRouteBuilder endpoints, StandInState state)
    {
        endpoints.Map("/client/hubs/{hub}", (HttpContext context, string hub) => ConnectAsync(context, state, hub));
    }

    private static async Task ConnectAsync(HttpContext context, StandInState state, string hub)
    {
        var audience = $"{context.Request.Scheme}://{context.Request.Host}/client/hubs/{hub}";
        var (claims, _) = StandInToken.Validate(context.Request.Query["access_token"].ToString(), state.AccessKey, audience, DateTimeOffset.UtcNow);
        if (claims is not { } token)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var subprotocol = context.WebSockets.WebSocketRequestedProtocols.Contains(Subprotocol);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(subprotocol ? Subprotocol : null);
        var userId = token.TryGetProperty("sub", out var sub) ? sub.GetString() : null;
        using var connection = new ClientConnection(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), hub, userId, Groups(token), subprotocol, socket);
        if (subprotocol)
        {
            var connected = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string?> { ["type"] = "system", ["event"] = "connected", ["userId"] = userId, ["connectionId"] = connection.Id });
            await connection.SendAsync(connected, WebSocketMessageType.Text);
        }

        state.Connections[connection.Id] = connection;
        try
        {
            await ReadUntilClosedAsync(socket, context.RequestAborted);
        }
        finally
        {
            state.Connections.TryRemove(connection.Id, out _);
        }
    }

    private static HashSet<string> Groups(JsonElement token)
    {
        var groups = new HashSet<string>(StringComparer.Ordinal);
        if (token.TryGetProperty("webpubsub.group", out var claim))
        {
            if (claim.ValueKind == JsonValueKind.Array)
            {
                groups.UnionWith(claim.EnumerateArray().Select(g => g.GetString()!));
            }
            else if (claim.ValueKind == JsonValueKind.String)
            {
                groups.Add(claim.GetString()!);
            }
        }

        return groups;
    }

    private static async Task ReadUntilClosedAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // the client or the stand-in went away
        }
    }
}
