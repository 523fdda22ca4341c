using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Telemetry;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Functions.Workflows;

namespace VoiceAgent.Functions.Voice;

/// <summary>
/// The Twilio voice webhooks. Every request is signature-checked first (403, nothing read or written); a malformed one
/// gets 400. Once the request names a real call, the answer is always valid TwiML, whatever fails behind it. A turn
/// that booked, moved or cancelled starts that change's follow-up workflow (text, calendar, reminder) before it answers.
/// </summary>
public sealed partial class VoiceWebhooks(
    CallWebhookReader reader,
    InboundCallService calls,
    FollowUpStarter followUps,
    VoiceReplyRenderer renderer,
    TenantDirectory tenants,
    RunningTurns running,
    RealtimeHost realtime,
    WebhookClock clock,
    IOptions<VoiceOptions> voice,
    VoiceAgentTelemetry telemetry,
    ILogger<VoiceWebhooks> logger)
{
    public const string IdempotencyHeader = "I-Twilio-Idempotency-Token";
    private static readonly TimeSpan ContinuationPoll = TimeSpan.FromMilliseconds(250);
    private readonly VoiceOptions _voice = voice.Value;

    [Function("VoiceIncoming")]
    public async Task<IResult> IncomingAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "voice/incoming")] HttpRequest request)
    {
        var webhook = await reader.ReadAsync(request);
        if (!webhook.IsCall)
        {
            return webhook.Refusal;
        }

        var call = webhook.Call;

        // The deadline runs on the webhook clock, like the turn's (RunningTurns).
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(_voice.TurnDeadlineSeconds), clock.Time);
        using var answering = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, request.HttpContext.RequestAborted);
        return Twiml((await AnswerOrApologiseAsync("incoming", call, async ct => await AnswerOverTransportAsync(call, ct), answering.Token))!);
    }

    /// <summary>
    /// Where the real-time session gave the call back (<c>&lt;Connect action&gt;</c>): the transfer, the hang-up, or the
    /// conversation carried on over Gather. What the call booked or changed starts its follow-ups here (the real-time
    /// host has no workflow client); the reminder sweep's outbox re-drive is the net behind it.
    /// </summary>
    [Function("VoiceConnectEnded")]
    public async Task<IResult> ConnectEndedAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "voice/connect-ended")] HttpRequest request,
        [DurableClient] DurableTaskClient durable)
    {
        var webhook = await reader.ReadAsync(request);
        if (!webhook.IsCall)
        {
            return webhook.Refusal;
        }

        var call = webhook.Call;
        var handoff = RealtimeHandoff.Parse(webhook.Form["HandoffData"].FirstOrDefault());
        return Twiml((await AnswerOrApologiseAsync("connect-ended", call, async ct =>
        {
            var next = await calls.AfterRealtimeAsync(call, handoff, ct);
            var twiml = renderer.Render(next, tenants.LastKnown(call.Dialed));
            if (tenants.LastKnown(call.Dialed) is { } tenant)
            {
                await followUps.StartForCallAsync(durable, tenant.Id, call.CallSid.Value, ct);
            }

            return twiml;
        }, request.HttpContext.RequestAborted))!);
    }

    /// <summary>
    /// The greeting over the shop's transport: ConversationRelay or Media Streams to the real-time host when the shop
    /// takes one and the host is healthy, else Gather. A call the greeting ends (an unknown number) is answered in TwiML either way.
    /// </summary>
    private async Task<string> AnswerOverTransportAsync(InboundCall call, CancellationToken cancellationToken)
    {
        var outcome = await calls.AnswerAsync(call, cancellationToken);
        if (outcome.IsSmokeTest)
        {
            // A deployment check's call: the greeting over Gather, with no session for a real-time host to pick up and no live events.
            return renderer.Render(outcome.Reply, outcome.Tenant);
        }

        if (outcome.Tenant is { Transport: CallTransport.Relay or CallTransport.Stream } tenant && outcome.Reply.Action == CallAction.Listen && await realtime.IsUpAsync(cancellationToken))
        {
            var parameters = RealtimeCallParameters.For(tenant.Id, call.CallSid.Value);
            return tenant.Transport == CallTransport.Relay
                ? renderer.RenderRelay(outcome.Reply, realtime.RelayUrl, parameters, tenant)
                : renderer.RenderStream(outcome.Reply, realtime.StreamUrl, parameters, tenant);
        }

        await calls.ReportGatherStartAsync(outcome, call);
        return renderer.Render(outcome.Reply, outcome.Tenant);
    }

    /// <summary>
    /// One turn. If it is not ready after <see cref="VoiceOptions.FillerAfterSeconds"/>, the caller hears a filler and
    /// Twilio is redirected to <c>/api/voice/continue</c> while the turn keeps running; nothing is done twice (the turn
    /// token is the idempotency key of the turn, and a retry joins the turn already running).
    /// </summary>
    [Function("VoiceTurn")]
    public async Task<IResult> TurnAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "voice/turn")] HttpRequest request,
        [DurableClient] DurableTaskClient durable)
    {
        var webhook = await reader.ReadAsync(request);
        if (!webhook.IsCall)
        {
            return webhook.Refusal;
        }

        var call = webhook.Call;

        var input = VoiceWebhookForm.ReadInput(webhook.Form);
        var token = request.Headers[IdempotencyHeader].FirstOrDefault() ?? Guid.NewGuid().ToString("N");
        var turn = running.GetOrStart(token, TimeSpan.FromSeconds(_voice.TurnDeadlineSeconds), async ct =>
        {
            var twiml = (await AnswerOrApologiseAsync("turn", call, async c => await calls.TakeTurnAsync(call, input, token, renderer.Render, c), ct))!;
            if (tenants.LastKnown(call.Dialed) is { } tenant)
            {
                await followUps.StartForCallAsync(durable, tenant.Id, call.CallSid.Value, ct);
            }

            return twiml;
        });

        var filler = clock.Delay(TimeSpan.FromSeconds(_voice.FillerAfterSeconds), request.HttpContext.RequestAborted);
        var finished = await Task.WhenAny(turn, filler);
        return Twiml(finished == turn ? await turn : renderer.RenderHold("One moment while I check that.", token, hop: 1, tenants.LastKnown(call.Dialed)));
    }

    /// <summary>Where a filler redirects: the finished turn, another filler, or after too many the apology.</summary>
    [Function("VoiceContinue")]
    public async Task<IResult> ContinueAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "voice/continue")] HttpRequest request)
    {
        var webhook = await reader.ReadAsync(request);
        if (!webhook.IsCall)
        {
            return webhook.Refusal;
        }

        var call = webhook.Call;

        var token = request.Query["turn"].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(token) || !int.TryParse(request.Query["hop"].FirstOrDefault(), out var hop) || hop < 1)
        {
            return TypedResults.BadRequest("turn and hop are required.");
        }

        var wait = TimeSpan.FromSeconds(_voice.ContinuationWaitSeconds);
        var twiml = await AnswerOrApologiseAsync("continue", call, ct => WaitForTurnAsync(call, token, wait, ct), request.HttpContext.RequestAborted);
        if (twiml is not null)
        {
            return Twiml(twiml);
        }

        if (hop >= _voice.MaxContinuations)
        {
            LogTurnAbandoned(logger, call.CallSid.Value, hop);
            telemetry.RecordWebhookFallback("continue");
            return Twiml(Apologise(call));
        }

        return Twiml(renderer.RenderHold("Thanks for holding, I'm still checking.", token, hop + 1, tenants.LastKnown(call.Dialed)));
    }

    [Function("VoiceStatus")]
    public async Task<IResult> StatusAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "voice/status")] HttpRequest request)
    {
        var webhook = await reader.ReadAsync(request);
        if (!webhook.IsCall)
        {
            return webhook.Refusal;
        }

        var call = webhook.Call;
        if (!VoiceWebhookForm.TryReadStatus(webhook.Form, out var status, out var duration, out var error))
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
            LogStatusFailed(logger, call.CallSid.Value, ex);
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return Twiml(VoiceReplyRenderer.Empty());
    }

    /// <summary>Twilio's fallback URL: the primary webhook failed, so answer without touching storage.</summary>
    [Function("VoiceFallback")]
    public async Task<IResult> FallbackAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "voice/fallback")] HttpRequest request)
    {
        var webhook = await reader.ReadAsync(request);
        if (!webhook.IsCall)
        {
            return webhook.Refusal;
        }

        var call = webhook.Call;

        LogFallback(logger, call.CallSid.Value, webhook.Form["ErrorCode"].FirstOrDefault() ?? "none");
        return Twiml(Apologise(call));
    }

    /// <summary>The finished turn from this instance's memory, or (another instance ran it) from the call session; null if not ready in time.</summary>
    private async Task<string?> WaitForTurnAsync(InboundCall call, string token, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (running.Find(token) is { } turn)
        {
            var finished = await Task.WhenAny(turn, clock.Delay(wait, cancellationToken));
            return finished == turn ? await turn : null;
        }

        for (var waited = TimeSpan.Zero; waited < wait; waited += ContinuationPoll)
        {
            if (await calls.FindFinishedTurnAsync(call, token, cancellationToken) is { } stored)
            {
                return stored;
            }

            await clock.Delay(ContinuationPoll, cancellationToken);
        }

        return null;
    }

    /// <summary>Runs <paramref name="answer"/>; any failure (storage, engine, deadline) becomes the apology TwiML, logged and counted.</summary>
    private async Task<string?> AnswerOrApologiseAsync(string endpoint, InboundCall call, Func<CancellationToken, Task<string?>> answer, CancellationToken cancellationToken)
    {
        try
        {
            return await answer(cancellationToken);
        }
        catch (Exception ex)
        {
            LogCallFailed(logger, endpoint, call.CallSid.Value, ex);
            telemetry.RecordWebhookFallback(endpoint);
            return Apologise(call);
        }
    }

    /// <summary>The apology TwiML (no storage needed), and a note on the call for its wrap-up that never delays the answer.</summary>
    private string Apologise(InboundCall call)
    {
        _ = calls.NoteApologyAsync(call); // bounded and never throws: the caller hears the apology now, whatever storage does
        return renderer.RenderFailure(tenants.LastKnown(call.Dialed));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Twiml(string xml) => CallWebhookReader.Twiml(xml);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Error, Message = "Call {CallSid}: the {Endpoint} webhook failed; the caller gets the fallback answer")]
    private static partial void LogCallFailed(ILogger logger, string endpoint, string callSid, Exception exception);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Call {CallSid}: recording the status callback failed; Twilio will retry")]
    private static partial void LogStatusFailed(ILogger logger, string callSid, Exception exception);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Call {CallSid}: Twilio used the fallback URL (error {ErrorCode})")]
    private static partial void LogFallback(ILogger logger, string callSid, string errorCode);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Error, Message = "Call {CallSid}: the turn was still not ready after {Hops} fillers; the caller gets the apology")]
    private static partial void LogTurnAbandoned(ILogger logger, string callSid, int hops);
}
