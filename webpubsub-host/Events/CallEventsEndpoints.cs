using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoiceAgent.Core.Staff;

namespace VoiceAgent.WebPubSubHost.Events;

/// <summary>
/// <c>GET /events</c> (WebSocket): the local fan-out's live call events for the signed-in staff member's own tenant.
/// Mapped only when <see cref="LocalEventFanOut"/> carries the events; with Web PubSub the dashboard connects there.
/// </summary>
public static partial class CallEventsEndpoints
{
    public const string Path = "/events";

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
        pipeline.Run(StreamAsync);
        endpoints.Map(Path, pipeline.Build()).WithDisplayName("Live call events (local fan-out)");
        return endpoints;
    }

    private static async Task StreamAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var staff = context.RequestServices.GetRequiredService<StaffAuthenticator>();
        var principal = await staff.AuthenticateAsync(context.Request, cancellationToken);
        if (principal is null)
        {
            await StaffAccess.Unauthenticated.Refusal!.ExecuteAsync(context);
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            await TypedResults.Problem(title: "WebSocket required", detail: "Connect to this endpoint with a WebSocket.", statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
            return;
        }

        var fanOut = context.RequestServices.GetRequiredService<LocalEventFanOut>();
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CallEventsEndpoints));
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var subscription = fanOut.Subscribe(principal.TenantId);
        LogConnected(logger, principal.UserId, principal.TenantId);
        await PumpAsync(socket, subscription, cancellationToken);
        LogDisconnected(logger, principal.UserId, principal.TenantId, subscription.WasDropped);
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
