using System.Text.Json;
using Microsoft.Extensions.Options;
using VoiceAgent.Core.LiveEvents;

namespace VoiceAgent.WebPubSubHost.Events;

/// <summary>
/// The function app's live call events into the host's local fan-out, over the same REST send it uses with Azure Web
/// PubSub (<c>POST /api/hubs/{hub}/groups/{group}/:send</c>, protocols.md §8.1): the bearer JWT must be signed with
/// <see cref="LocalEventIntakeOptions.LocalAccessKey"/> for <c>aud</c> = the request URL without its query, and
/// unexpired (401 otherwise); the hub must be the configured one, the group <c>tenant.{id}</c> and the body one call
/// event of that tenant (400 otherwise). Accepted events are fanned out as if the host had published them (202).
/// </summary>
public static partial class LocalEventIntake
{
    public const string Route = "/api/hubs/{hub}/groups/{group}/:send";

    /// <summary>A call event is small; anything far larger is not one.</summary>
    private const int MaxBodyBytes = 64 * 1024;

    /// <summary>Mapped only when the local fan-out carries the events and a local access key is set.</summary>
    public static IEndpointRouteBuilder MapLocalEventIntake(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var key = endpoints.ServiceProvider.GetRequiredService<IOptions<LocalEventIntakeOptions>>().Value.LocalAccessKey;
        if (endpoints.ServiceProvider.GetService<LocalEventFanOut>() is null || string.IsNullOrWhiteSpace(key))
        {
            return endpoints;
        }

        var tokens = new LocalAccessKeyTokens(key);
        endpoints.MapPost(Route, (HttpContext context, string hub, string group) => TakeAsync(context, tokens, hub, group))
            .WithDisplayName("Live call events from the function app (local fan-out)");
        return endpoints;
    }

    private static async Task<IResult> TakeAsync(HttpContext context, LocalAccessKeyTokens tokens, string hub, string group)
    {
        var request = context.Request;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LocalEventIntake));
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || await tokens.ValidateAsync(request, header["Bearer ".Length..]) is null)
        {
            LogRefused(logger, "unsigned, wrongly signed or expired");
            return TypedResults.Unauthorized();
        }

        var options = context.RequestServices.GetRequiredService<IOptions<WebPubSubOptions>>().Value;
        if (!string.Equals(hub, options.Hub, StringComparison.Ordinal) || !group.StartsWith(TenantEventGroup.Prefix, StringComparison.Ordinal))
        {
            LogRefused(logger, "not this hub or not a tenant's group");
            return TypedResults.BadRequest("The hub must be the configured one and the group a tenant's (tenant.{id}).");
        }

        if (await ReadEventAsync(request) is not { } callEvent || TenantEventGroup.For(callEvent.TenantId) != group)
        {
            LogRefused(logger, "not one call event of the group's tenant");
            return TypedResults.BadRequest("The body must be one live call event of the group's tenant.");
        }

        await context.RequestServices.GetRequiredService<LocalEventFanOut>().PublishAsync(callEvent, context.RequestAborted);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<CallEvent?> ReadEventAsync(HttpRequest request)
    {
        if (request.ContentLength is null or > MaxBodyBytes || request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        try
        {
            return await JsonSerializer.DeserializeAsync(request.Body, CallEventJson.Default.CallEvent, request.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 6112, Level = LogLevel.Warning, Message = "A live call event sent to the local fan-out was refused: {Why}")]
    private static partial void LogRefused(ILogger logger, string why);
}
