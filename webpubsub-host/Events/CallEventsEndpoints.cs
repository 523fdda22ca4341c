using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceAgent.Core.LiveEvents;
using VoiceAgent.Core.Staff;

namespace VoiceAgent.WebPubSubHost.Events;

/// <summary>
/// The local fan-out's live call events for one tenant's staff, over a WebSocket, at two doors: <c>GET /events</c> for
/// a staff sign-in (a dev token header: tools, the simulator), and <c>GET /client/hubs/{hub}?access_token=…</c>, Web
/// PubSub's own client endpoint (protocols.md §8.2), for a browser holding a client token the function app minted
/// (<c>LiveEventsClientAccess</c>) with the same local access key. Mapped only when <see cref="LocalEventFanOut"/>
/// carries the events; with Web PubSub configured, clients connect to the service instead.
/// </summary>
public static partial class CallEventsEndpoints
{
    public const string Path = "/events";

    public const string ClientPath = "/client/hubs/{hub}";

    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Maps the endpoint with its own WebSocket middleware, so it works whether or not the app's pipeline has one.
    /// Staff sign in as for the staff API (<see cref="StaffAuthenticator"/>: a dev token locally, the platform principal
    /// behind App Service authentication); nobody signed in gets 401 before any upgrade.
    /// </summary>
    public static IEndpointRouteBuilder MapCallEvents(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<LocalEventFanOut>() is null)
        {
            return endpoints;
        }

        var pipeline = endpoints.CreateApplicationBuilder();
        pipeline.UseWebSockets();
        pipeline.Run(StreamToStaffAsync);
        endpoints.Map(Path, pipeline.Build()).WithDisplayName("Live call events (local fan-out)");

        var key = endpoints.ServiceProvider.GetRequiredService<IOptions<LocalEventIntakeOptions>>().Value.LocalAccessKey;
        if (!string.IsNullOrWhiteSpace(key))
        {
            var clients = new LocalAccessKeyTokens(key);
            var client = endpoints.CreateApplicationBuilder();
            client.UseWebSockets();
            client.Run(context => StreamToClientAsync(context, clients));
            endpoints.Map(ClientPath, client.Build()).WithDisplayName("Live call events for Web PubSub clients (local fan-out)");
        }

        return endpoints;
    }

    private static async Task StreamToStaffAsync(HttpContext context)
    {
        var staff = context.RequestServices.GetRequiredService<StaffAuthenticator>();
        var principal = await staff.AuthenticateAsync(context.Request, context.RequestAborted);
        if (principal is null)
        {
            await StaffAccess.Unauthenticated.Refusal!.ExecuteAsync(context);
            return;
        }

        await StreamAsync(context, principal.UserId, principal.TenantId);
    }

    /// <summary>As Web PubSub does: no valid token for this hub, 401 before any upgrade; the token's one group sets the tenant.</summary>
    private static async Task StreamToClientAsync(HttpContext context, LocalAccessKeyTokens tokens)
    {
        var hub = context.GetRouteValue("hub") as string ?? string.Empty;
        var options = context.RequestServices.GetRequiredService<IOptions<WebPubSubOptions>>().Value;
        var client = string.Equals(hub, options.Hub, StringComparison.Ordinal)
            ? await tokens.ValidateClientAsync(context.Request, context.Request.Query["access_token"].ToString())
            : null;
        if (client is null)
        {
            await TypedResults.Problem(title: "Unauthorized", detail: "A client access token for this hub is required.", statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
            return;
        }

        await StreamAsync(context, client.Value.UserId, client.Value.TenantId);
    }

    private static async Task StreamAsync(HttpContext context, string userId, string tenantId)
    {
        var cancellationToken = context.RequestAborted;
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await TypedResults.Problem(title: "WebSocket required", detail: "Connect to this endpoint with a WebSocket.", statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
            return;
        }

        var fanOut = context.RequestServices.GetRequiredService<LocalEventFanOut>();
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CallEventsEndpoints));
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var subscription = fanOut.Subscribe(tenantId);
        LogConnected(logger, userId, tenantId);
        await PumpAsync(socket, subscription, cancellationToken);
        LogDisconnected(logger, userId, tenantId, subscription.WasDropped);
    }

    /// <summary>
    /// Sends the subscription's events until the client closes, the request ends, or the client is dropped as too slow;
    /// then closes (a policy-violation close for a dropped client) and waits briefly for the client's close.
    /// </summary>
    private static async Task PumpAsync(WebSocket socket, EventSubscription subscription, CancellationToken requestAborted)
    {
        using var clientClosed = new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, subscription.DroppedToken, clientClosed.Token);
        var receiving = ReceiveUntilClosedAsync(socket, clientClosed, requestAborted);
        try
        {
            await foreach (var json in subscription.Messages.ReadAllAsync(stop.Token))
            {
                await socket.SendAsync(json, WebSocketMessageType.Text, endOfMessage: true, stop.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // the client left, the request ended, or the client was dropped (a send cut short aborts the socket)
        }

        await CloseAsync(socket, subscription.WasDropped);
        try
        {
            await receiving.WaitAsync(CloseTimeout, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            socket.Abort();
            await receiving;
        }
    }

    /// <summary>Reads (and ignores) what the client sends, so its close frame is seen; then stops the pump.</summary>
    /// <remarks>Not on the pump's token: cancelling a pending receive would abort the socket before it can close.</remarks>
    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationTokenSource clientClosed, CancellationToken requestAborted)
    {
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, requestAborted);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // the request ended or the connection broke
        }

        await clientClosed.CancelAsync();
    }

    private static async Task CloseAsync(WebSocket socket, bool dropped)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(CloseTimeout);
        try
        {
            await socket.CloseOutputAsync(
                dropped ? WebSocketCloseStatus.PolicyViolation : WebSocketCloseStatus.NormalClosure,
                dropped ? "too slow: events were dropped" : null,
                timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            socket.Abort();
        }
    }

    [LoggerMessage(EventId = 6112, Level = LogLevel.Information, Message = "Live-events client {UserId} of tenant {TenantId} connected")]
    private static partial void LogConnected(ILogger logger, string userId, string tenantId);

    [LoggerMessage(EventId = 6113, Level = LogLevel.Information, Message = "Live-events client {UserId} of tenant {TenantId} disconnected (dropped as too slow: {Dropped})")]
    private static partial void LogDisconnected(ILogger logger, string userId, string tenantId, bool dropped);
}
