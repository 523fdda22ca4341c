using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VoiceAgent.TestSupport.Google;

/// <summary>
/// A local stand-in for Google Calendar v3 and the OAuth token endpoint (Kestrel on 127.0.0.1, random port) speaking their
/// JSON shapes. Records every request; can be scripted to answer 401, 429 + Retry-After, 5xx, or hang past the client timeout.
/// </summary>
public sealed partial class FakeGoogleCalendarServer : IAsyncDisposable
{
    public const string ClientId = "test-client.apps.googleusercontent.com";
    public const string ClientSecret = "test-client-secret";
    public const string RefreshToken = "1//test-refresh-token";

    private static readonly TimeSpan HangFor = TimeSpan.FromSeconds(10);
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Fault> _apiFaults = new();
    private readonly ConcurrentQueue<Fault> _tokenFaults = new();
    private readonly ConcurrentDictionary<string, byte> _validTokens = new();
    private int _tokensIssued;

    private FakeGoogleCalendarServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    public string TokenUrl { get; private set; } = string.Empty;

    /// <summary>Events by id, as stored (deleted ones stay with <c>status: cancelled</c>, as Google keeps them).</summary>
    public ConcurrentDictionary<string, JsonObject> Events { get; } = new();

    /// <summary>The calendar each event (by id) was inserted into: an event is read, patched and deleted only through its own calendar, as on Google.</summary>
    public ConcurrentDictionary<string, string> CalendarOf { get; } = new();

    /// <summary>Busy times freeBusy reports besides the stored events (other bookings in the shop's calendar).</summary>
    public ConcurrentBag<(DateTimeOffset Start, DateTimeOffset End)> ExternalBusy { get; } = [];

    /// <summary>Calendar ids freeBusy reports as <c>notFound</c> (not shared with the account, or deleted).</summary>
    public ConcurrentBag<string> MissingCalendars { get; } = [];

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public IReadOnlyList<RecordedRequest> ApiRequests => [.. Requests.Where(r => !r.IsToken)];

    public IReadOnlyList<RecordedRequest> TokenRequests => [.. Requests.Where(r => r.IsToken)];

    /// <summary>Every Calendar API request answers this status while set (an outage).</summary>
    public HttpStatusCode? AlwaysFail { get; set; }

    public IEnumerable<JsonObject> LiveEvents => Events.Values.Where(e => (string?)e["status"] != "cancelled");

    /// <summary>The live events of one calendar.</summary>
    public IEnumerable<JsonObject> LiveEventsIn(string calendarId) =>
        LiveEvents.Where(e => CalendarOf.GetValueOrDefault((string)e["id"]!) == calendarId);

    public static async Task<FakeGoogleCalendarServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeGoogleCalendarServer(app);
        server.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = $"{address}/calendar/v3/";
        server.TokenUrl = $"{address}/token";
        return server;
    }

    /// <summary>The next <paramref name="times"/> Calendar API requests answer <paramref name="status"/> (with Google's error body).</summary>
    public void FailNext(HttpStatusCode status, int times = 1, int? retryAfterSeconds = null)
    {
        for (var i = 0; i < times; i++)
        {
            _apiFaults.Enqueue(new Fault(status, retryAfterSeconds, Hang: false, AfterApplying: false));
        }
    }

    /// <summary>The next Calendar API request hangs; with <paramref name="afterApplying"/> it is carried out first (the insert is stored) and only the answer never comes.</summary>
    public void HangNext(bool afterApplying) => _apiFaults.Enqueue(new Fault(null, null, Hang: true, afterApplying));

    public void FailNextToken(HttpStatusCode status) => _tokenFaults.Enqueue(new Fault(status, null, Hang: false, AfterApplying: false));

    /// <summary>Every access token issued so far stops working (expired or revoked): the next API call answers 401.</summary>
    public void RevokeAccessTokens() => _validTokens.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.MapPost("/token", (Delegate)TokenAsync);
        var api = app.MapGroup("/calendar/v3");
        api.MapPost("/freeBusy", (Delegate)((HttpContext context) => ApiAsync(context, FreeBusy)));
        api.MapPost("/calendars/{calendarId}/events", (HttpContext context, string calendarId) => ApiAsync(context, body => Insert(calendarId, body)));
        api.MapPatch("/calendars/{calendarId}/events/{eventId}", (HttpContext context, string calendarId, string eventId) => ApiAsync(context, body => Patch(calendarId, eventId, body)));
        api.MapDelete("/calendars/{calendarId}/events/{eventId}", (HttpContext context, string calendarId, string eventId) => ApiAsync(context, _ => Delete(calendarId, eventId)));
    }

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        Requests.Enqueue(new RecordedRequest("POST", "/token", string.Empty, string.Empty, null, fields, DateTimeOffset.UtcNow));
        if (_tokenFaults.TryDequeue(out var fault) && fault.Status is { } status)
        {
            return Results.Json(new { error = "internal_failure", error_description = "scripted" }, statusCode: (int)status);
        }

        var grant = fields.GetValueOrDefault("grant_type");
        var valid = grant switch
        {
            "refresh_token" => fields.GetValueOrDefault("client_id") == ClientId && fields.GetValueOrDefault("client_secret") == ClientSecret
                && fields.GetValueOrDefault("refresh_token") == RefreshToken,
            "urn:ietf:params:oauth:grant-type:jwt-bearer" => fields.GetValueOrDefault("assertion")?.Split('.').Length == 3,
            _ => false,
        };
        if (!valid)
        {
            return Results.Json(new { error = "invalid_grant", error_description = "Bad Request" }, statusCode: 400);
        }

        var token = $"ya29.test-{Interlocked.Increment(ref _tokensIssued)}";
        _validTokens[token] = 0;
        return Results.Json(new { access_token = token, expires_in = 3599, scope = "https://www.googleapis.com/auth/calendar", token_type = "Bearer" });
    }

    private async Task<IResult> ApiAsync(HttpContext context, Func<JsonObject?, IResult> handle)
    {
        var text = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        var authorization = context.Request.Headers.Authorization.ToString();
        Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? string.Empty, text,
            authorization, null, DateTimeOffset.UtcNow));

        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !_validTokens.ContainsKey(authorization["Bearer ".Length..]))
        {
            return Error(HttpStatusCode.Unauthorized, "authError", "Request had invalid authentication credentials.", "UNAUTHENTICATED");
        }

        var fault = _apiFaults.TryDequeue(out var next) ? next : AlwaysFail is { } outage ? new Fault(outage, null, false, false) : null;
        if (fault?.Status is { } status)
        {
            if (fault.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            return status == HttpStatusCode.TooManyRequests
                ? Error(status, "rateLimitExceeded", "Rate Limit Exceeded", "RESOURCE_EXHAUSTED")
                : Error(status, "backendError", "Backend Error", "UNAVAILABLE");
        }

        if (fault is { Hang: true, AfterApplying: false })
        {
            await HangAsync(context);
        }

        var result = handle(text.Length == 0 ? null : JsonNode.Parse(text)?.AsObject());
        if (fault is { Hang: true, AfterApplying: true })
        {
            await HangAsync(context);
        }

        return result;
    }

    private IResult FreeBusy(JsonObject? body)
    {
        var from = DateTimeOffset.Parse((string)body!["timeMin"]!, CultureInfo.InvariantCulture);
        var to = DateTimeOffset.Parse((string)body["timeMax"]!, CultureInfo.InvariantCulture);
        JsonNode?[] BusyIn(string calendarId) => [.. ExternalBusy.Concat(LiveEventsIn(calendarId).Select(e => (
                DateTimeOffset.Parse((string)e["start"]!["dateTime"]!, CultureInfo.InvariantCulture),
                DateTimeOffset.Parse((string)e["end"]!["dateTime"]!, CultureInfo.InvariantCulture))))
            .Where(b => b.Item1 < to && from < b.Item2)
            .Select(b => new JsonObject { ["start"] = Rfc3339(b.Item1), ["end"] = Rfc3339(b.Item2) })];
        var calendars = new JsonObject();
        foreach (var item in body["items"]!.AsArray())
        {
            var id = (string)item!["id"]!;
            calendars[id] = MissingCalendars.Contains(id)
                ? new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["domain"] = "global", ["reason"] = "notFound" }), ["busy"] = new JsonArray() }
                : new JsonObject { ["busy"] = new JsonArray(BusyIn(id)) };
        }

        return Results.Json(new JsonObject
        {
            ["kind"] = "calendar#freeBusy", ["timeMin"] = Rfc3339(from), ["timeMax"] = Rfc3339(to), ["calendars"] = calendars,
        });
    }

    private IResult Insert(string calendarId, JsonObject? body)
    {
        var id = (string?)body!["id"] ?? Guid.NewGuid().ToString("N");
        if (!EventIdPattern().IsMatch(id))
        {
            return Error(HttpStatusCode.BadRequest, "invalid", "Invalid resource id value.", "INVALID_ARGUMENT");
        }

        body["id"] = id;
        body["kind"] = "calendar#event";
        body["status"] ??= "confirmed";
        body["htmlLink"] = $"https://www.google.com/calendar/event?eid={id}";
        CalendarOf.TryAdd(id, calendarId);
        return Events.TryAdd(id, body)
            ? Results.Json(body)
            : Error(HttpStatusCode.Conflict, "duplicate", "The requested identifier already exists.", "ALREADY_EXISTS");
    }

    /// <summary>The event, when it is in <paramref name="calendarId"/> (another calendar's event is not found there).</summary>
    private JsonObject? FindIn(string calendarId, string eventId) =>
        CalendarOf.GetValueOrDefault(eventId) == calendarId ? Events.GetValueOrDefault(eventId) : null;

    private IResult Patch(string calendarId, string eventId, JsonObject? body)
    {
        if (FindIn(calendarId, eventId) is not { } stored)
        {
            return Error(HttpStatusCode.NotFound, "notFound", "Not Found", "NOT_FOUND");
        }

        lock (stored)
        {
            foreach (var (name, value) in body!)
            {
                stored[name] = value?.DeepClone();
            }

            return Results.Json(stored.DeepClone());
        }
    }

    private IResult Delete(string calendarId, string eventId)
    {
        if (FindIn(calendarId, eventId) is not { } stored)
        {
            return Error(HttpStatusCode.NotFound, "notFound", "Not Found", "NOT_FOUND");
        }

        lock (stored)
        {
            if ((string?)stored["status"] == "cancelled")
            {
                return Error(HttpStatusCode.Gone, "deleted", "Resource has been deleted", "GONE");
            }

            stored["status"] = "cancelled";
            return Results.NoContent();
        }
    }

    private static async Task HangAsync(HttpContext context)
    {
        try
        {
            await Task.Delay(HangFor, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up, as scripted.
        }
    }

    private static IResult Error(HttpStatusCode status, string reason, string message, string statusText) => Results.Json(
        new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = (int)status,
                ["message"] = message,
                ["errors"] = new JsonArray(new JsonObject { ["domain"] = "global", ["reason"] = reason, ["message"] = message }),
                ["status"] = statusText,
            },
        },
        statusCode: (int)status);

    private static string Rfc3339(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-v0-9]{5,1024}$")]
    private static partial Regex EventIdPattern();

    private sealed record Fault(HttpStatusCode? Status, int? RetryAfterSeconds, bool Hang, bool AfterApplying);
}
