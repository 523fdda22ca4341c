using System.Diagnostics;
using Microsoft.Extensions.Logging;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.LiveEvents;
using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Telemetry;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Calls;

/// <summary>
/// The call use cases behind the voice webhooks: answer (greet) an inbound call or the shop's reminder call, take a
/// turn, and record the end. Hosts only parse and render the wire format around these.
/// </summary>
public sealed partial class InboundCallService(
    TenantDirectory tenants,
    CustomerStore customers,
    CallSessionStore sessions,
    SchedulingService scheduling,
    IConversationEngine engine,
    TimeProvider time,
    VoiceAgentTelemetry telemetry,
    CallEventReporter events,
    CallWrapUps wrapUps,
    ICallSummaryModel summaries,
    ILogger<InboundCallService> logger)
{
    private const int MaxSaveAttempts = 3;
    private static readonly TimeSpan ApologyNoteTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Greets an inbound call. A known caller with an upcoming appointment whose reminder was tried but not confirmed is
    /// offered to confirm, change or cancel it.
    /// </summary>
    public async Task<CallOutcome> AnswerAsync(InboundCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var tenant = await tenants.FindByNumberAsync(call.Dialed, cancellationToken);
        if (tenant is null)
        {
            LogUnknownNumber(logger, call.Dialed.Masked, call.CallSid.Value);
            return new CallOutcome(AgentReply.Hangup("Sorry, this number is not set up to take calls yet. Goodbye."), null);
        }

        if (SmokeTestCaller.Is(call.Caller))
        {
            return AnswerSmokeTest(call, tenant);
        }

        var customer = await FindCallerAsync(tenant, call, cancellationToken);
        var pending = customer is null ? null : await PendingReminderAsync(tenant, customer, cancellationToken);
        var reply = await StartAsync(call, tenant, customer, (context, dialog) => engine.Greet(context with { PendingReminder = pending }, dialog), cancellationToken);
        LogAnswered(logger, call.CallSid.Value, tenant.Id, call.Caller?.Masked ?? "unknown", customer is not null);
        return new CallOutcome(reply, tenant) { CustomerFirstName = customer?.FirstName };
    }

    /// <summary>
    /// A deployment check's call (<see cref="SmokeTestCaller"/>): the shop's greeting to a new caller, as any caller hears
    /// it, and nothing else: no customer lookup, no session (its turns and end find none and keep nothing), a log line.
    /// </summary>
    private CallOutcome AnswerSmokeTest(InboundCall call, TenantProfile tenant)
    {
        var greeting = engine.Greet(new ConversationContext(tenant, call.CallSid.Value, SmokeTestCaller.Number, null, time.GetUtcNow()), new DialogState());
        LogSmokeCallServed(logger, call.CallSid.Value, tenant.Id, greeting.Action.ToString());
        return new CallOutcome(greeting, tenant) { IsSmokeTest = true };
    }

    /// <summary>
    /// Greets the customer who answered the shop's reminder call for <paramref name="appointmentId"/> (the shop's number is
    /// <see cref="InboundCall.Dialed"/>, the customer's <see cref="InboundCall.Caller"/>). Only the called customer's own
    /// upcoming booked appointment is spoken of; for any other a short goodbye ends the call.
    /// </summary>
    public async Task<CallOutcome> AnswerReminderAsync(InboundCall call, string appointmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentException.ThrowIfNullOrWhiteSpace(appointmentId);
        var tenant = await tenants.FindByNumberAsync(call.Dialed, cancellationToken);
        if (tenant is null)
        {
            LogUnknownNumber(logger, call.Dialed.Masked, call.CallSid.Value);
            return new CallOutcome(AgentReply.Hangup("Sorry, this call was placed in error. Goodbye."), null);
        }

        var customer = await FindCallerAsync(tenant, call, cancellationToken);
        var appointment = customer is null
            ? null
            : (await scheduling.UpcomingAsync(tenant, customer.Id, cancellationToken)).FirstOrDefault(a => a.Id == appointmentId);
        var reply = await StartAsync(
            call,
            tenant,
            customer,
            (context, dialog) => appointment is null
                ? AgentReply.Hangup($"Hi, this is {tenant.Name}. Sorry to bother you; there's nothing we need from you right now. Goodbye!")
                : engine.GreetForReminder(context, dialog, appointment),
            cancellationToken);
        LogReminderAnswered(logger, call.CallSid.Value, tenant.Id, appointmentId, appointment is not null);
        return new CallOutcome(reply, tenant) { CustomerFirstName = customer?.FirstName };
    }

    /// <summary>
    /// Runs one turn and returns its TwiML (rendered once, for the call's tenant, and stored with the session).
    /// <paramref name="retryToken"/> is the turn's idempotency key: a repeated request gets the same TwiML back and nothing
    /// runs again.
    /// </summary>
    public async Task<string> TakeTurnAsync(InboundCall call, CallerInput input, string? retryToken, Func<AgentReply, TenantProfile, string> render, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(render);
        var started = Stopwatch.GetTimestamp();
        using var span = VoiceAgentTelemetry.ActivitySource.StartActivity(VoiceAgentTelemetry.TurnActivityName)?.SetTag(VoiceAgentTelemetry.CallSidTag, call.CallSid.Value);
        var tenant = await tenants.FindByNumberAsync(call.Dialed, cancellationToken)
            ?? throw new CallNotFoundException($"No tenant answers {call.Dialed.Masked}.");
        if (SmokeTestCaller.Is(call.Caller))
        {
            // A smoke call has no session to take a turn on; it ends here, and nothing is kept.
            LogSmokeCallServed(logger, call.CallSid.Value, tenant.Id, "turn");
            return render(AgentReply.Hangup("This was a test call. Goodbye."), tenant);
        }

        for (var attempt = 1; ; attempt++)
        {
            var session = await sessions.FindAsync(tenant.Id, call.CallSid.Value, cancellationToken)
                ?? throw new CallNotFoundException($"Call {call.CallSid} has no session.");
            if (retryToken is not null && session.LastTurnToken == retryToken && session.LastTurnTwiml is not null)
            {
                return session.LastTurnTwiml;
            }

            var customer = session.CustomerId is { } customerId ? await customers.FindAsync(tenant.Id, customerId, cancellationToken) : null;
            var now = time.GetUtcNow();
            var context = new ConversationContext(tenant, session.CallSid, session.CallerNumber, customer, now);
            var reply = await RespondReportingToolsAsync(context, session.Dialog, input, cancellationToken);
            var twiml = render(reply, tenant);
            var updated = session with
            {
                TurnCount = session.TurnCount + 1,
                CustomerId = session.Dialog.CustomerId ?? session.CustomerId,
                TransferredTo = reply.Action == CallAction.Transfer ? reply.TransferTo : session.TransferredTo,
                LastTurnToken = retryToken,
                LastTurnTwiml = twiml,
            };

            if (await sessions.TrySaveAsync(updated, cancellationToken))
            {
                await RecordTurnAsync(tenant, updated, input, reply, now, started, cancellationToken);
                return twiml;
            }

            if (attempt >= MaxSaveAttempts)
            {
                throw new InvalidOperationException($"Call {call.CallSid} kept changing while its turn was saved.");
            }
        }
    }

    /// <summary>The saved turn's transcript line, log line, metrics and live call events (never delaying the call: <see cref="CallEventReporter"/>).</summary>
    /// <param name="streamed">A real-time turn: the host's session reports its words and latency live itself (only a transfer is reported here).</param>
    private async Task RecordTurnAsync(TenantProfile tenant, CallSession saved, CallerInput input, AgentReply reply, DateTimeOffset now, long started, CancellationToken cancellationToken, bool streamed = false)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        await sessions.AppendTurnAsync(
            tenant.Id,
            saved.CallSid,
            new CallTurn(saved.TurnCount, input.Speech, input.Digits, input.Confidence, reply.Speech, reply.Action.ToString(), now, elapsed.TotalMilliseconds),
            cancellationToken);
        LogTurn(logger, saved.CallSid, saved.TurnCount, reply.Action.ToString(), elapsed.TotalMilliseconds);
        if (!streamed)
        {
            await ReportTurnAsync(tenant.Id, saved, input, reply, elapsed);
        }

        telemetry.RecordTurn(tenant.Id, reply.Action.ToString(), elapsed);
        if (reply.Action == CallAction.Transfer)
        {
            var department = tenant.DepartmentOf(reply.TransferTo) ?? "unknown";
            telemetry.RecordTransfer(tenant.Id, department);
            await events.ReportAsync(new CallTransferred(tenant.Id, saved.CallSid, time.GetUtcNow(), department));
        }
    }

    /// <summary>
    /// The engine's whole reply to a Gather turn, with the tools it uses reported to staff watching as they start and
    /// finish, as the real-time host reports a streamed turn's (the same events, from the engine's stream).
    /// </summary>
    private async Task<AgentReply> RespondReportingToolsAsync(ConversationContext context, DialogState state, CallerInput input, CancellationToken cancellationToken)
    {
        await foreach (var item in engine.StreamAsync(context, state, input, cancellationToken))
        {
            switch (item)
            {
                case ToolActivity tool:
                    await events.ReportAsync(new ToolCalled(context.Tenant.Id, context.CallSid, time.GetUtcNow(), tool.Tool, tool.Finished));
                    break;
                case TurnFinished finished:
                    return finished.Reply;
            }
        }

        throw new InvalidOperationException("The engine's turn ended without a reply.");
    }

    /// <summary>
    /// A Gather turn as the real-time host reports one: what the caller said, the agent's reply and the
    /// turn's latency (here the webhook's own time, from Twilio's request with the caller's words to the TwiML out).
    /// </summary>
    private async Task ReportTurnAsync(string tenantId, CallSession saved, CallerInput input, AgentReply reply, TimeSpan elapsed)
    {
        var now = time.GetUtcNow();
        if ((input.Speech ?? input.Digits) is { Length: > 0 } heard)
        {
            await events.ReportAsync(new CallerTranscript(tenantId, saved.CallSid, now, heard, Final: true));
        }

        if (!string.IsNullOrWhiteSpace(reply.Speech))
        {
            await events.ReportAsync(new AgentSentence(tenantId, saved.CallSid, now, reply.Speech));
        }

        // After the reply's words, as the real-time host reports a turn's latency once its first words are out.
        await events.ReportAsync(new TurnLatency(tenantId, saved.CallSid, now, saved.TurnCount, elapsed.TotalMilliseconds));
    }

    /// <summary>
    /// A call answered on Gather begins for staff watching: its start and the greeting. Real-time calls are reported by
    /// the host's session instead, once connected.
    /// </summary>
    public async Task ReportGatherStartAsync(CallOutcome answered, InboundCall call)
    {
        ArgumentNullException.ThrowIfNull(answered);
        ArgumentNullException.ThrowIfNull(call);
        if (answered.Tenant is not { } tenant)
        {
            return;
        }

        var now = time.GetUtcNow();
        await events.ReportAsync(new CallStarted(tenant.Id, call.CallSid.Value, now, "gather", answered.CustomerFirstName));
        await events.ReportAsync(new AgentSentence(tenant.Id, call.CallSid.Value, now, answered.Reply.Speech));
    }

    private async Task<Customer?> FindCallerAsync(TenantProfile tenant, InboundCall call, CancellationToken cancellationToken) =>
        call.Caller is { } caller ? await customers.FindByPhoneAsync(tenant.Id, caller.E164, cancellationToken) : null;

    /// <summary>
    /// The greeting of a new call and its session: the engine greets into a fresh dialog, which the session starts with.
    /// A repeated first webhook (Twilio retries it) finds the session there and keeps its dialog.
    /// </summary>
    private async Task<AgentReply> StartAsync(InboundCall call, TenantProfile tenant, Customer? customer, Func<ConversationContext, DialogState, AgentReply> greet, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var callerNumber = call.Caller?.E164 ?? string.Empty;
        var dialog = new DialogState();
        var reply = greet(new ConversationContext(tenant, call.CallSid.Value, callerNumber, customer, now), dialog);
        await sessions.CreateOrGetAsync(
            new CallSession
            {
                TenantId = tenant.Id,
                CallSid = call.CallSid.Value,
                CallerNumber = callerNumber,
                CustomerId = customer?.Id,
                CustomerFirstName = customer?.FirstName,
                StartedAt = now,
                Dialog = dialog,
            },
            cancellationToken);
        return reply;
    }

    /// <summary>The customer's next appointment whose reminder was tried (a call unanswered, a voicemail, a text) and never confirmed.</summary>
    private async Task<Appointment?> PendingReminderAsync(TenantProfile tenant, Customer customer, CancellationToken cancellationToken) =>
        (await scheduling.UpcomingAsync(tenant, customer.Id, cancellationToken))
            .FirstOrDefault(a => a.Reminder.Outcome is ReminderOutcome.Retrying or ReminderOutcome.Voicemail or ReminderOutcome.Unreached or ReminderOutcome.Texted);

    /// <summary>The TwiML of a finished turn, found by its token in the call session (any instance may have run it).</summary>
    public async Task<string?> FindFinishedTurnAsync(InboundCall call, string turnToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var tenant = await tenants.FindByNumberAsync(call.Dialed, cancellationToken);
        var session = tenant is null ? null : await sessions.FindAsync(tenant.Id, call.CallSid.Value, cancellationToken);
        return session is not null && session.LastTurnToken == turnToken ? session.LastTurnTwiml : null;
    }

    public async Task RecordEndAsync(InboundCall call, string status, int? durationSeconds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var tenant = await tenants.FindByNumberAsync(call.Dialed, cancellationToken);
        if (tenant is null)
        {
            LogUnknownNumber(logger, call.Dialed.Masked, call.CallSid.Value);
            return;
        }

        if (SmokeTestCaller.Is(call.Caller))
        {
            // Writing the end would create the call's row (the status callback merges into it); a smoke call keeps none.
            LogSmokeCallServed(logger, call.CallSid.Value, tenant.Id, status);
            if (CallStatuses.IsFinal(status))
            {
                telemetry.RecordCallEnded(tenant.Id, SmokeTestCaller.Outcome);
            }

            return;
        }

        await sessions.RecordEndAsync(tenant.Id, call.CallSid.Value, status, durationSeconds, time.GetUtcNow(), cancellationToken);
        LogEnded(logger, call.CallSid.Value, status, durationSeconds);
        if (CallStatuses.IsFinal(status))
        {
            telemetry.RecordCallEnded(tenant.Id, status);
            await WrapUpAsync(tenant, call.CallSid.Value, cancellationToken);
            await events.ReportAsync(new CallEnded(tenant.Id, call.CallSid.Value, time.GetUtcNow(), status));
        }
    }

    /// <summary>
    /// Notes on the call's record that the caller heard the apology fallback, for its wrap-up's flags. Best effort and
    /// bounded: storage may be what failed, and the apology must not wait for it; a failure is logged and dropped.
    /// </summary>
    public async Task NoteApologyAsync(InboundCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (tenants.LastKnown(call.Dialed) is not { } tenant || SmokeTestCaller.Is(call.Caller))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(ApologyNoteTimeout);
        try
        {
            await sessions.RecordApologyAsync(tenant.Id, call.CallSid.Value, timeout.Token);
        }
        catch (Exception ex)
        {
            LogApologyNoteFailed(logger, call.CallSid.Value, ex);
        }
    }

    /// <summary>
    /// The finished call's outcome, summary and flags on its record. Its end is already saved: a failure here is logged
    /// and loses nothing but the wrap-up, which a repeated status callback writes again.
    /// </summary>
    private async Task WrapUpAsync(TenantProfile tenant, string callSid, CancellationToken cancellationToken)
    {
        try
        {
            if (await sessions.FindAsync(tenant.Id, callSid, cancellationToken) is not { } session)
            {
                return;
            }

            var turns = await sessions.ListTurnsAsync(tenant.Id, callSid, cancellationToken);
            var wrapUp = wrapUps.Build(tenant, session, turns);
            await sessions.RecordWrapUpAsync(tenant.Id, callSid, wrapUp, cancellationToken);
            LogWrappedUp(logger, callSid, wrapUp.Outcome, string.Join(',', wrapUp.Flags));

            // The dialog's record is kept first; the model's summary, when the shop has the model and it answers, replaces its words.
            if (tenant.UseLanguageModel && turns.Count > 0
                && await summaries.SummarizeAsync(new CallSummaryRequest(tenant.Name, callSid, turns, wrapUp), cancellationToken) is { } written)
            {
                await sessions.RecordWrapUpAsync(tenant.Id, callSid, wrapUp with { Summary = written.Summary, Sentiment = written.Sentiment, SummaryByModel = true }, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWrapUpFailed(logger, callSid, ex);
        }
    }

    [LoggerMessage(EventId = 1211, Level = LogLevel.Information, Message = "Smoke test call {CallSid} served for tenant {TenantId} ({Step}); nothing is recorded for it")]
    private static partial void LogSmokeCallServed(ILogger logger, string callSid, string tenantId, string step);

    [LoggerMessage(EventId = 1208, Level = LogLevel.Information, Message = "Call {CallSid} wrapped up: {Outcome} (flags: {Flags})")]
    private static partial void LogWrappedUp(ILogger logger, string callSid, string outcome, string flags);

    [LoggerMessage(EventId = 1209, Level = LogLevel.Warning, Message = "Call {CallSid}: its wrap-up (outcome, summary) could not be written; the call's record and end are kept")]
    private static partial void LogWrapUpFailed(ILogger logger, string callSid, Exception exception);

    [LoggerMessage(EventId = 1210, Level = LogLevel.Warning, Message = "Call {CallSid}: noting that the caller heard the apology failed; its wrap-up will not flag it")]
    private static partial void LogApologyNoteFailed(ILogger logger, string callSid, Exception exception);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Call {CallSid} to unconfigured number {Dialed}")]
    private static partial void LogUnknownNumber(ILogger logger, string dialed, string callSid);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Call {CallSid} answered for tenant {TenantId} from {Caller} (known customer: {Known})")]
    private static partial void LogAnswered(ILogger logger, string callSid, string tenantId, string caller, bool known);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Information, Message = "Reminder call {CallSid} answered for tenant {TenantId}, appointment {AppointmentId} (still booked for the customer: {Booked})")]
    private static partial void LogReminderAnswered(ILogger logger, string callSid, string tenantId, string appointmentId, bool booked);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "Call {CallSid} turn {Turn}: {Action} in {ElapsedMs:F1} ms")]
    private static partial void LogTurn(ILogger logger, string callSid, int turn, string action, double elapsedMs);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "Call {CallSid} ended: {Status}, {Duration} s")]
    private static partial void LogEnded(ILogger logger, string callSid, string status, int? duration);
}
