using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VoiceAgent.TwilioApiStandIn.Voice;

namespace VoiceAgent.TwilioApiStandIn.Rest;

/// <summary>
/// <c>/2010-04-01/Accounts/{AccountSid}/Calls.json</c>: place a call (answered 201 <c>queued</c>; the call then rings the
/// <see cref="IOutboundPhone"/>) and list calls (<c>To</c>, <c>From</c>, <c>Status</c>, <c>StartTime</c>,
/// <c>StartTime&gt;</c>, <c>StartTime&lt;</c>, newest first); <c>Calls/{CallSid}.json</c>: fetch, and update a live call
/// (<c>Twiml</c> or <c>Url</c> redirects it, <c>Status=completed</c> hangs it up, <c>Status=canceled</c> cancels it before the answer).
/// </summary>
internal static class CallsApi
{
    private static readonly string[] ProgressEvents = ["initiated", "ringing", "answered", "completed"];

    public static void MapCalls(this RouteGroupBuilder account)
    {
        account.MapPost("/Calls.json", CreateAsync);
        account.MapGet("/Calls.json", List);
        account.MapGet("/Calls/{callSid}.json", Fetch);
        account.MapPost("/Calls/{callSid}.json", UpdateAsync);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, StandInContext context)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        string to = form["To"].ToString().Trim(), from = form["From"].ToString().Trim();
        var url = Optional(form["Url"]);
        var twiml = url is null ? Optional(form["Twiml"]) : null; // with both, Twilio ignores Twiml
        if (Invalid(to, from, url, twiml, Optional(form["ApplicationSid"])) is { } invalid)
        {
            return invalid.ToResult();
        }

        var events = form["StatusCallbackEvent"].SelectMany(v => (v ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(e => e.ToLowerInvariant()).Distinct().ToList();
        if (events.FirstOrDefault(e => !ProgressEvents.Contains(e)) is { } unknown)
        {
            return TwilioError.BadRequest(21626, $"Invalid StatusCallbackEvent '{unknown}': use initiated, ringing, answered or completed.").ToResult();
        }

        var now = context.Time.GetUtcNow();
        var detection = Optional(form["MachineDetection"]);
        var call = context.Calls.Add(new RecordedCall
        {
            Sid = Sids.New("CA"),
            Sequence = context.NextSequence(),
            AccountSid = context.Account.AccountSid,
            From = from,
            To = to,
            Url = url,
            Method = Method(form["Method"]),
            Twiml = twiml,
            StatusCallback = Optional(form["StatusCallback"]),
            StatusCallbackMethod = Method(form["StatusCallbackMethod"]),
            StatusCallbackEvents = events.Count > 0 ? events : ["completed"],
            MachineDetection = detection is "Enable" or "DetectMessageEnd" ? detection : null,
            RingTimeout = TimeSpan.FromSeconds(int.TryParse(form["Timeout"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? Math.Clamp(seconds, 1, 600) : 60),
            Status = CallStatuses.Queued,
            DateCreated = now,
            DateUpdated = now,
        });

        var responded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        http.Response.OnCompleted(() => Task.FromResult(responded.TrySetResult()));
        context.CallWork.Track(new OutboundCallRunner(context).RunAsync(call, responded.Task));
        await context.AcceptedAsync(call.Sid);
        return TypedResults.Json(CallJson.Of(call.Current), TwilioJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static IResult List(HttpRequest request, StandInContext context)
    {
        var started = DateFilter.Read(request.Query, "StartTime", out var error);
        if (error is not null)
        {
            return error.ToResult();
        }

        string? to = Optional(request.Query["To"]), from = Optional(request.Query["From"]), status = Optional(request.Query["Status"]);
        var matching = context.Calls.Calls
            .Where(c => (to is null || c.To == to) && (from is null || c.From == from) && (status is null || c.Status == status) && started.Matches(c.StartTime))
            .Reverse()
            .Select(CallJson.Of)
            .ToList();
        return ListPage.Create(request, "calls", matching);
    }

    private static IResult Fetch(string callSid, HttpRequest request, StandInContext context) =>
        context.Calls.Find(callSid) is { } call
            ? TypedResults.Json(CallJson.Of(call.Current), TwilioJson.Options)
            : TwilioError.NotFound(request.Path).ToResult();

    private static async Task<IResult> UpdateAsync(string callSid, HttpContext http, StandInContext context)
    {
        if (context.Calls.Find(callSid) is not { } call)
        {
            return TwilioError.NotFound(http.Request.Path).ToResult();
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var now = context.Time.GetUtcNow();
        var status = Optional(form["Status"]);
        var url = Optional(form["Url"]);
        var twiml = url is null ? Optional(form["Twiml"]) : null;
        if (status is not (null or CallStatuses.Completed or CallStatuses.Canceled))
        {
            return TwilioError.BadRequest(21218, $"Invalid Status '{status}': use completed or canceled.").ToResult();
        }

        var current = call.Current;
        if (status is CallStatuses.Completed || (status is CallStatuses.Canceled && current.Status is not CallStatuses.InProgress))
        {
            call.TryUpdate(LiveCallUpdate.HangUp, now); // an ended call stays as it is
        }
        else if (url is not null || twiml is not null)
        {
            if (url is not null && !IsHttpUrl(url))
            {
                return TwilioError.BadRequest(21205, $"Url is not a valid URL: {url}").ToResult();
            }

            var update = url is not null ? LiveCallUpdate.Redirect(url, Method(form["Method"])) : LiveCallUpdate.Play(twiml!);
            if (!call.TryUpdate(update, now))
            {
                return TwilioError.BadRequest(21220, "Call is not in-progress. Cannot redirect.").ToResult();
            }
        }

        return TypedResults.Json(CallJson.Of(call.Current), TwilioJson.Options);
    }

    private static TwilioError? Invalid(string to, string from, string? url, string? twiml, string? applicationSid)
    {
        if (to.Length == 0)
        {
            return TwilioError.BadRequest(21201, "No 'To' number is specified");
        }

        if (from.Length == 0)
        {
            return TwilioError.BadRequest(21213, "No 'From' number is specified");
        }

        if (!PhoneNumbers.IsE164(to))
        {
            return TwilioError.BadRequest(21211, $"Invalid 'To' Phone Number: {to}");
        }

        if (url is null && twiml is null)
        {
            return TwilioError.BadRequest(21205, applicationSid is null
                ? "Url parameter is required: give Url or Twiml."
                : "The stand-in plays Url or Twiml calls only, not ApplicationSid.");
        }

        return url is not null && !IsHttpUrl(url) ? TwilioError.BadRequest(21205, $"Url is not a valid URL: {url}") : null;
    }

    private static bool IsHttpUrl(string url) => Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https";

    private static string Method(Microsoft.Extensions.Primitives.StringValues value) =>
        string.Equals(value.ToString(), "GET", StringComparison.OrdinalIgnoreCase) ? "GET" : "POST";

    private static string? Optional(Microsoft.Extensions.Primitives.StringValues value) => value.ToString().Trim() is { Length: > 0 } text ? text : null;
}
