using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VoiceAgent.Conformance.Tests.Telephony;

/// <summary>
/// A local stand-in for Twilio's REST API (2010-04-01) on a free loopback port, speaking its wire format: form bodies, Basic
/// auth, snake_case JSON with RFC 2822 dates, list pages, and Twilio's error body. Messages and calls can be created, listed
/// (filtered by To and From, newest first) and, for calls, fetched and updated. Like Twilio it never de-duplicates. Records
/// every request; <see cref="FailNext"/> scripts an error answer.
/// </summary>
internal sealed class FakeTwilioApi : IAsyncDisposable
{
    private const string Prefix = "/2010-04-01/Accounts/{accountSid}";
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly (int Status, string Json)? _fixedMessageAnswer;

    private FakeTwilioApi(WebApplication app, (int, string)? fixedMessageAnswer)
    {
        _app = app;
        _fixedMessageAnswer = fixedMessageAnswer;
    }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public ConcurrentQueue<StoredMessage> Messages { get; } = new();

    public ConcurrentDictionary<string, StoredCall> Calls { get; } = new(StringComparer.Ordinal);

    public Uri BaseUrl => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    /// <summary>A server that behaves like Twilio: creates, lists, fetches and updates.</summary>
    public static Task<FakeTwilioApi> StartAsync() => StartAsync(null);

    /// <summary>A server whose Messages create answers <paramref name="status"/> with <paramref name="json"/>, whatever is asked.</summary>
    public static Task<FakeTwilioApi> StartAsync(int status, string json) => StartAsync((status, json));

    /// <summary>The next request for <paramref name="resource"/> (<c>Messages</c> or <c>Calls</c>, any method) answers with Twilio's error body.</summary>
    public void FailNext(string resource, int status, int code, string message) => _faults.Enqueue(new Fault(resource, status, ErrorJson(status, code, message)));

    /// <summary>The next request for <paramref name="resource"/> answers <paramref name="status"/> with <paramref name="body"/> as is (e.g. a gateway's HTML page).</summary>
    public void FailNextRaw(string resource, int status, string body) => _faults.Enqueue(new Fault(resource, status, body));

    /// <summary>A message Twilio already has (sent earlier, maybe by a process that died before recording it).</summary>
    public StoredMessage AddMessage(string from, string to, string body, DateTimeOffset created)
    {
        var message = new StoredMessage(NewSid("SM"), from, to, body, created.ToUniversalTime());
        Messages.Enqueue(message);
        return message;
    }

    public StoredCall AddCall(string from, string to, DateTimeOffset created, string status = "completed")
    {
        var call = new StoredCall(NewSid("CA"), from, to, created.ToUniversalTime()) { Status = status };
        Calls[call.Sid] = call;
        return call;
    }

    public static string ErrorJson(int status, int code, string message) =>
        new JsonObject { ["code"] = code, ["message"] = message, ["more_info"] = $"https://www.twilio.com/docs/errors/{code}", ["status"] = status }.ToJsonString();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task<FakeTwilioApi> StartAsync((int, string)? fixedMessageAnswer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var api = new FakeTwilioApi(app, fixedMessageAnswer);
        api.Map(app);
        await app.StartAsync();
        return api;
    }

    private void Map(WebApplication app)
    {
        app.MapPost(Prefix + "/Messages.json", async (HttpRequest request, string accountSid) =>
        {
            var form = await RecordAsync(request, accountSid);
            if (_fixedMessageAnswer is { } answer)
            {
                return Results.Text(answer.Json, "application/json", statusCode: answer.Status);
            }

            if (TakeFault("Messages") is { } fault)
            {
                return fault;
            }

            var message = new StoredMessage(NewSid("SM"), Field(form, "From"), Field(form, "To"), Field(form, "Body"), DateTimeOffset.UtcNow);
            Messages.Enqueue(message);
            return Json(MessageJson(message, accountSid), 201);
        });
        app.MapGet(Prefix + "/Messages.json", async (HttpRequest request, string accountSid) =>
        {
            await RecordAsync(request, accountSid);
            if (TakeFault("Messages") is { } fault)
            {
                return fault;
            }

            var matching = Messages.Where(m => Matches(request, m.From, m.To)).OrderByDescending(m => m.Created).Select(m => MessageJson(m, accountSid));
            return Json(Page("messages", request, matching), 200);
        });
        app.MapPost(Prefix + "/Calls.json", async (HttpRequest request, string accountSid) =>
        {
            var form = await RecordAsync(request, accountSid);
            if (TakeFault("Calls") is { } fault)
            {
                return fault;
            }

            var call = new StoredCall(NewSid("CA"), Field(form, "From"), Field(form, "To"), DateTimeOffset.UtcNow);
            Calls[call.Sid] = call;
            return Json(CallJson(call, accountSid), 201);
        });
        app.MapGet(Prefix + "/Calls.json", async (HttpRequest request, string accountSid) =>
        {
            await RecordAsync(request, accountSid);
            if (TakeFault("Calls") is { } fault)
            {
                return fault;
            }

            var matching = Calls.Values.Where(c => Matches(request, c.From, c.To)).OrderByDescending(c => c.Created).Select(c => CallJson(c, accountSid));
            return Json(Page("calls", request, matching), 200);
        });
        app.MapGet(Prefix + "/Calls/{callSid}.json", async (HttpRequest request, string accountSid, string callSid) =>
        {
            await RecordAsync(request, accountSid);
            return TakeFault("Calls") ?? (Calls.TryGetValue(callSid, out var call) ? Json(CallJson(call, accountSid), 200) : NotFound(request));
        });
        app.MapPost(Prefix + "/Calls/{callSid}.json", async (HttpRequest request, string accountSid, string callSid) =>
        {
            var form = await RecordAsync(request, accountSid);
            if (TakeFault("Calls") is { } fault)
            {
                return fault;
            }

            if (!Calls.TryGetValue(callSid, out var call))
            {
                return NotFound(request);
            }

            if (call.Status is "completed" or "busy" or "no-answer" or "failed" or "canceled")
            {
                return Results.Text(ErrorJson(400, 21220, "Call is not in-progress. Cannot redirect."), "application/json", statusCode: 400);
            }

            call.Twiml = Field(form, "Twiml");
            return Json(CallJson(call, accountSid), 200);
        });
    }

    private async Task<Dictionary<string, string>> RecordAsync(HttpRequest request, string accountSid)
    {
        IFormCollection fields = request.HasFormContentType ? await request.ReadFormAsync() : FormCollection.Empty;
        var form = fields.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        Requests.Enqueue(new RecordedRequest(
            request.Method,
            request.Path,
            request.QueryString.Value ?? string.Empty,
            accountSid,
            request.Headers.Authorization.ToString(),
            request.ContentType,
            form,
            [.. fields["StatusCallbackEvent"].Select(v => v ?? string.Empty)]));
        return form;
    }

    private IResult? TakeFault(string resource)
    {
        if (_faults.TryPeek(out var next) && next.Resource == resource && _faults.TryDequeue(out var fault))
        {
            return Results.Text(fault.Body, fault.Body.StartsWith('{') ? "application/json" : "text/html", statusCode: fault.Status);
        }

        return null;
    }

    private static string Field(Dictionary<string, string> form, string name) => form.GetValueOrDefault(name) ?? string.Empty;

    private static bool Matches(HttpRequest request, string from, string to) =>
        (request.Query["To"].ToString() is not { Length: > 0 } wantedTo || wantedTo == to)
        && (request.Query["From"].ToString() is not { Length: > 0 } wantedFrom || wantedFrom == from);

    private static JsonObject Page(string key, HttpRequest request, IEnumerable<JsonObject> records)
    {
        var size = int.TryParse(request.Query["PageSize"], CultureInfo.InvariantCulture, out var s) ? s : 50;
        var items = records.Take(size).ToList();
        var uri = request.Path + request.QueryString.Value;
        return new JsonObject
        {
            [key] = new JsonArray([.. items]),
            ["end"] = Math.Max(0, items.Count - 1),
            ["first_page_uri"] = uri,
            ["next_page_uri"] = null,
            ["page"] = 0,
            ["page_size"] = size,
            ["previous_page_uri"] = null,
            ["start"] = 0,
            ["uri"] = uri,
        };
    }

    private static JsonObject MessageJson(StoredMessage m, string accountSid) => new()
    {
        ["account_sid"] = accountSid,
        ["api_version"] = "2010-04-01",
        ["body"] = m.Body,
        ["date_created"] = Rfc2822(m.Created),
        ["date_sent"] = null,
        ["date_updated"] = Rfc2822(m.Created),
        ["direction"] = "outbound-api",
        ["error_code"] = null,
        ["error_message"] = null,
        ["from"] = m.From,
        ["num_media"] = "0",
        ["num_segments"] = "1",
        ["sid"] = m.Sid,
        ["status"] = "queued",
        ["to"] = m.To,
        ["uri"] = $"/2010-04-01/Accounts/{accountSid}/Messages/{m.Sid}.json",
    };

    private static JsonObject CallJson(StoredCall c, string accountSid) => new()
    {
        ["account_sid"] = accountSid,
        ["api_version"] = "2010-04-01",
        ["date_created"] = Rfc2822(c.Created),
        ["date_updated"] = Rfc2822(c.Created),
        ["direction"] = "outbound-api",
        ["from"] = c.From,
        ["to"] = c.To,
        ["sid"] = c.Sid,
        ["status"] = c.Status,
        ["start_time"] = null,
        ["end_time"] = null,
        ["answered_by"] = null,
        ["uri"] = $"/2010-04-01/Accounts/{accountSid}/Calls/{c.Sid}.json",
    };

    private static IResult NotFound(HttpRequest request) =>
        Results.Text(ErrorJson(404, 20404, $"The requested resource {request.Path} was not found"), "application/json", statusCode: 404);

    private static IResult Json(JsonObject body, int status) => Results.Text(body.ToJsonString(), "application/json", statusCode: status);

    private static string Rfc2822(DateTimeOffset instant) => instant.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    private static string NewSid(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    internal sealed record RecordedRequest(
        string Method,
        string Path,
        string Query,
        string AccountSid,
        string Authorization,
        string? ContentType,
        IReadOnlyDictionary<string, string> Form,
        IReadOnlyList<string> StatusCallbackEvents);

    internal sealed record StoredMessage(string Sid, string From, string To, string Body, DateTimeOffset Created);

    internal sealed record StoredCall(string Sid, string From, string To, DateTimeOffset Created)
    {
        public string Status { get; set; } = "queued";

        public string? Twiml { get; set; }
    }

    private sealed record Fault(string Resource, int Status, string Body);
}
