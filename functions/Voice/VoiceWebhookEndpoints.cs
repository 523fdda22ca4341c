using Microsoft.Extensions.Options;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Telemetry;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Functions.Voice;

/// <summary>
/// The Twilio voice webhooks. Every request is signature-checked first; a malformed one gets 400. Once the
/// request names a real call, the answer is always valid TwiML, whatever fails behind it.
/// </summary>
public static partial class VoiceWebhookEndpoints
{
    public static IServiceCollection AddVoiceWebhooks(this IServiceCollection services)
    {
        services.AddSingleton<TwilioSignatureFilter>();
        services.AddSingleton<RunningTurns>();
        return services;
    }

    public static IEndpointRouteBuilder MapVoiceWebhooks(this IEndpointRouteBuilder endpoints)
    {
        var voice = endpoints.MapGroup("/api/voice")
            .AddEndpointFilter<TwilioSignatureFilter>()
            .DisableAntiforgery();
        voice.MapPost("/incoming", IncomingAsync);
        voice.MapPost("/turn", TurnAsync);
        voice.MapPost("/continue", ContinueAsync);
        voice.MapPost("/status", StatusAsync);
        voice.MapPost("/fallback", FallbackAsync);
        return endpoints;
    }

    private static async Task<IResult> IncomingAsync(HttpRequest request, InboundCallService calls, VoiceReplyRenderer renderer, TenantDirectory tenants, IOptions<VoiceOptions> voice, VoiceAgentTelemetry telemetry, ILoggerFactory loggers)
    {
        var form = await ReadFormAsync(request);
        if (!VoiceWebhookForm.TryReadCall(form, out var call, out var error))
        {
            return TypedResults.BadRequest(error);
        }

        return await AnswerSafelyAsync(call, tenants, renderer, voice.Value, new FallbackReport("incoming", telemetry, Logger(loggers)), async ct =>
            renderer.Render((await calls.AnswerAsync(call, ct)).Reply), request.HttpContext.RequestAborted);
    }

    /// <summary>
    /// One turn. If it is not ready after <see cref="VoiceOptions.FillerAfterSeconds"/>, the caller hears a filler and
    /// Twilio is redirected to <c>/api/voice/continue</c> while the turn keeps running; nothing is done twice (the turn
    /// token is the idempotency key of the turn).
    /// </summary>
    private static async Task<IResult> TurnAsync(HttpRequest request, InboundCallService calls, VoiceReplyRenderer renderer, TenantDirectory tenants, RunningTurns running, IOptions<VoiceOptions> voice, VoiceAgentTelemetry telemetry, ILoggerFactory loggers)
    {
        var form = await ReadFormAsync(request);
        if (!VoiceWebhookForm.TryReadCall(form, out var call, out var error))
        {
            return TypedResults.BadRequest(error);
        }

        var input = VoiceWebhookForm.ReadInput(form);
        var token = request.Headers["I-Twilio-Idempotency-Token"].FirstOrDefault() ?? Guid.NewGuid().ToString("N");
        var report = new FallbackReport("turn", telemetry, Logger(loggers));
        var turn = running.Find(token) ?? running.Start(token, TimeSpan.FromSeconds(voice.Value.TurnDeadlineSeconds), async ct =>
            (await AnswerOrApologiseAsync(call, tenants, renderer, report, async c => await calls.TakeTurnAsync(call, input, token, renderer.Render, c), ct))!);

        var finished = await Task.WhenAny(turn, Task.Delay(TimeSpan.FromSeconds(voice.Value.FillerAfterSeconds), request.HttpContext.RequestAborted));
        return Twiml(finished == turn ? await turn : renderer.RenderHold("One moment while I check that.", token, hop: 1));
    }

    /// <summary>Where a filler redirects: the finished turn, another filler, or after too many the apology.</summary>
    private static async Task<IResult> ContinueAsync(HttpRequest request, InboundCallService calls, VoiceReplyRenderer renderer, TenantDirectory tenants, RunningTurns running, IOptions<VoiceOptions> voice, VoiceAgentTelemetry telemetry, ILoggerFactory loggers)
    {
        var form = await ReadFormAsync(request);
        if (!VoiceWebhookForm.TryReadCall(form, out var call, out var error))
        {
            return TypedResults.BadRequest(error);
        }

        var token = request.Query["turn"].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(token) || !int.TryParse(request.Query["hop"].FirstOrDefault(), out var hop) || hop < 1)
        {
            return TypedResults.BadRequest("turn and hop are required.");
        }

        var report = new FallbackReport("continue", telemetry, Logger(loggers));
        var wait = TimeSpan.FromSeconds(voice.Value.ContinuationWaitSeconds);
        var twiml = await AnswerOrApologiseAsync(call, tenants, renderer, report, async ct =>
        {
            if (running.Find(token) is { } turn)
            {
                var finished = await Task.WhenAny(turn, Task.Delay(wait, ct));
                return finished == turn ? await turn : null;
            }

            // Another instance ran the turn: its answer lands in the call session.
            for (var waited = TimeSpan.Zero; waited < wait; waited += ContinuationPoll)
            {
                if (await calls.FindFinishedTurnAsync(call, token, ct) is { } stored)
                {
                    return stored;
                }

                await Task.Delay(ContinuationPoll, ct);
            }

            return null;
        }, request.HttpContext.RequestAborted);

        if (twiml is not null)
        {
            return Twiml(twiml);
        }

        if (hop >= voice.Value.MaxContinuations)
        {
            LogTurnAbandoned(report.Logger, call.CallSid.Value, hop);
            telemetry.RecordWebhookFallback(report.Endpoint);
            return Twiml(renderer.RenderFailure(tenants.LastKnown(call.Dialed)));
        }

        return Twiml(renderer.RenderHold("Thanks for holding, I'm still checking.", token, hop + 1));
    }

    private static async Task<IResult> StatusAsync(HttpRequest request, InboundCallService calls, ILoggerFactory loggers)
    {
        var form = await ReadFormAsync(request);
        if (!VoiceWebhookForm.TryReadCall(form, out var call, out var error)
            || !VoiceWebhookForm.TryReadStatus(form, out var status, out var duration, out error))
        {
            return TypedResults.BadRequest(error);
        }

        // Twilio retries a failed status callback, so a failure here is reported (5xx) rather than swallowed:
        // the call itself is over and nobody hears this response.
        try
        {
            await calls.RecordEndAsync(call, status, duration, request.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStatusFailed(Logger(loggers), call.CallSid.Value, ex);
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return Twiml(new Core.Telephony.Twiml.VoiceResponse().ToString());
    }

    /// <summary>Twilio's fallback URL: the primary webhook failed, so answer without touching storage.</summary>
    private static async Task<IResult> FallbackAsync(HttpRequest request, VoiceReplyRenderer renderer, TenantDirectory tenants, ILoggerFactory loggers)
    {
        var form = await ReadFormAsync(request);
        if (!VoiceWebhookForm.TryReadCall(form, out var call, out var error))
        {
            return TypedResults.BadRequest(error);
        }

        LogFallback(Logger(loggers), call.CallSid.Value, form["ErrorCode"].FirstOrDefault() ?? "none");
        return Twiml(renderer.RenderFailure(tenants.LastKnown(call.Dialed)));
    }

    /// <summary>Twilio posts forms; anything else reads as an empty form, which fails validation with 400.</summary>
    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request) =>
        request.HasFormContentType ? await request.ReadFormAsync(request.HttpContext.RequestAborted) : FormCollection.Empty;

    private static async Task<IResult> AnswerSafelyAsync(
        InboundCall call,
        TenantDirectory tenants,
        VoiceReplyRenderer renderer,
        VoiceOptions voice,
        FallbackReport report,
        Func<CancellationToken, Task<string>> answer,
        CancellationToken requestAborted)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        deadline.CancelAfter(TimeSpan.FromSeconds(voice.TurnDeadlineSeconds));
        return Twiml((await AnswerOrApologiseAsync(call, tenants, renderer, report, async ct => await answer(ct), deadline.Token))!);
    }

    /// <summary>Runs <paramref name="answer"/>; any failure (storage, engine, deadline) becomes the apology TwiML, logged and counted.</summary>
    private static async Task<string?> AnswerOrApologiseAsync(
        InboundCall call,
        TenantDirectory tenants,
        VoiceReplyRenderer renderer,
        FallbackReport report,
        Func<CancellationToken, Task<string?>> answer,
        CancellationToken cancellationToken)
    {
        try
        {
            return await answer(cancellationToken);
        }
        catch (Exception ex)
        {
            LogCallFailed(report.Logger, report.Endpoint, call.CallSid.Value, ex);
            report.Telemetry.RecordWebhookFallback(report.Endpoint);
            return renderer.RenderFailure(tenants.LastKnown(call.Dialed));
        }
    }

    private static readonly TimeSpan ContinuationPoll = TimeSpan.FromMilliseconds(250);

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Twiml(string xml) => TypedResults.Text(xml, Core.Telephony.Twiml.VoiceResponse.ContentType);

    private static ILogger Logger(ILoggerFactory loggers) => loggers.CreateLogger(typeof(VoiceWebhookEndpoints));

    [LoggerMessage(EventId = 2101, Level = LogLevel.Error, Message = "Call {CallSid}: the {Endpoint} webhook failed; the caller gets the fallback answer")]
    private static partial void LogCallFailed(ILogger logger, string endpoint, string callSid, Exception exception);

    /// <summary>Where a failed webhook is reported: its name, the metric and the log.</summary>
    private sealed record FallbackReport(string Endpoint, VoiceAgentTelemetry Telemetry, ILogger Logger);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Error, Message = "Call {CallSid}: the turn was still not ready after {Hops} fillers; the caller gets the apology")]
    private static partial void LogTurnAbandoned(ILogger logger, string callSid, int hops);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Call {CallSid}: recording the status callback failed; Twilio will retry")]
    private static partial void LogStatusFailed(ILogger logger, string callSid, Exception exception);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Call {CallSid}: Twilio used the fallback URL (error {ErrorCode})")]
    private static partial void LogFallback(ILogger logger, string callSid, string errorCode);
}
