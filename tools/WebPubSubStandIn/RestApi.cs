using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace VoiceAgent.WebPubSubStandIn;

/// <summary>
/// The data-plane REST send to a group, <c>POST /api/hubs/{hub}/groups/{group}/:send</c>: a bearer JWT signed with the
/// access key for <c>aud</c> = this request's URL without its query (or the configured Entra token), else 401; a
/// scripted fault when one is queued; else 202 and the payload delivered to the group's clients.
/// </summary>
internal static class RestApi
{
    public static void MapRestApi(this IEndpointRouteBuilder endpoints, StandInState state)
    {
        endpoints.MapPost("/api/hubs/{hub}/groups/{group}/:send", (HttpContext context, string hub, string group) => SendToGroupAsync(context, state, hub, group));
    }

    private static async Task<IResult> SendToGroupAsync(HttpContext context, StandInState state, string hub, string group)
    {
        var request = context.Request;
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        var payload = body.ToArray();
        var auth = Authenticate(context, state);
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var status = auth is "accessKey" or "entra"
            ? state.NextFault() ?? (request.Query["api-version"].Count == 0 || !IsWellFormed(payload, request.ContentType) ? HttpStatusCode.BadRequest : HttpStatusCode.Accepted)
            : HttpStatusCode.Unauthorized;
        state.Record(new RecordedSend(hub, group, request.ContentType, Encoding.UTF8.GetString(payload), auth, (int)status, query));
        if (status == HttpStatusCode.Accepted)
        {
            await DeliverAsync(state, hub, group, payload, request.ContentType);
        }

        return TypedResults.StatusCode((int)status);
    }

    /// <summary>A JSON body must be JSON: the service refuses what it could not hand on as <c>dataType: json</c>.</summary>
    private static bool IsWellFormed(byte[] payload, string? contentType)
    {
        if (contentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary><c>accessKey</c> or <c>entra</c> when accepted; otherwise why not.</summary>
    private static string Authenticate(HttpContext context, StandInState state)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return "missing";
        }

        var token = header["Bearer ".Length..].Trim();
        if (state.EntraToken is { } entra && token == entra)
        {
            return "entra";
        }

        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var path = target.Split('?', 2)[0];
        var audience = $"{context.Request.Scheme}://{context.Request.Host}{path}";
        return StandInToken.Validate(token, state.AccessKey, audience, DateTimeOffset.UtcNow).Verdict;
    }

    private static async Task DeliverAsync(StandInState state, string hub, string group, byte[] payload, string? contentType)
    {
        var members = state.Connections.Values.Where(c => c.Hub == hub && c.Groups.Contains(group)).ToList();
        if (members.Count == 0)
        {
            return;
        }

        var dataType = contentType?.Split(';')[0].Trim() switch
        {
            "application/json" => "json",
            "text/plain" => "text",
            _ => "binary",
        };
        var envelope = Envelope(group, dataType, payload);
        foreach (var member in members)
        {
            if (member.Subprotocol)
            {
                await member.SendAsync(envelope, WebSocketMessageType.Text);
            }
            else
            {
                await member.SendAsync(payload, dataType == "binary" ? WebSocketMessageType.Binary : WebSocketMessageType.Text);
            }
        }
    }

    /// <summary><c>{"type":"message","from":"group","group":…,"dataType":…,"data":…}</c> (protocols.md §8.3).</summary>
    private static byte[] Envelope(string group, string dataType, byte[] payload)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "message");
            json.WriteString("from", "group");
            json.WriteString("group", group);
            json.WriteString("dataType", dataType);
            json.WritePropertyName("data");
            switch (dataType)
            {
                case "json":
                    json.WriteRawValue(payload);
                    break;
                case "text":
                    json.WriteStringValue(Encoding.UTF8.GetString(payload));
                    break;
                default:
                    json.WriteBase64StringValue(payload);
                    break;
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
