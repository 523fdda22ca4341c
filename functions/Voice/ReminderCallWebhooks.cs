using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Reminders;
using VoiceAgent.Core.Telemetry;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Functions.Workflows;

namespace VoiceAgent.Functions.Voice;

/// <summary>
/// The webhooks of a reminder call the shop placed: the answer (a machine gets a short voicemail; a person, or an
/// <c>unknown</c> detection, the reminder dialog, whose later turns go through <c>/api/voice/turn</c> like any call) and
/// the status callback, which tells the call's reminder instance how it ended. Signed like every Twilio request.
/// </summary>
public sealed partial class ReminderCallWebhooks(
    CallWebhookReader reader,
    InboundCallService calls,
    TenantDirectory tenants,
    AppointmentStore store,
    VoiceReplyRenderer renderer,
    TimeProvider time,
    VoiceAgentTelemetry telemetry,
    ILogger<ReminderCallWebhooks> logger)
{
    [Function("VoiceReminderAnswer")]
    public async Task<IResult> AnswerAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "voice/reminder")] HttpRequest request)
    {
        var webhook = await reader.ReadAsync(request);
        if (!webhook.IsCall)
        {
            return webhook.Refusal;
        }

        var call = webhook.Call;
        var appointmentId = request.Query["appointment"].FirstOrDefault();
        if (!AppointmentIds.TryDayOf(appointmentId, out var day))
        {
            return TypedResults.BadRequest("appointment is required.");
        }

        var answeredBy = webhook.Form["AnsweredBy"].FirstOrDefault();
        var cancellationToken = request.HttpContext.RequestAborted;
        try
        {
            if (!ReminderAttemptRecorder.IsMachine(answeredBy))
            {
                var answered = await calls.AnswerReminderAsync(call, appointmentId!, cancellationToken);
                await calls.ReportGatherStartAsync(answered, call);
                return CallWebhookReader.Twiml(renderer.Render(answered.Reply, answered.Tenant));
            }

            var tenant = await tenants.FindByNumberAsync(call.Dialed, cancellationToken);
            var appointment = tenant is null ? null : await store.FindAsync(tenant.Id, day, appointmentId!, cancellationToken);
            if (tenant is null || appointment is null)
            {
                return CallWebhookReader.Twiml(VoiceReplyRenderer.Empty());
            }

            await store.SetReminderAsync(appointment, appointment.Reminder with { Outcome = ReminderOutcome.Voicemail, UpdatedAt = time.GetUtcNow() }, cancellationToken);
            return CallWebhookReader.Twiml(renderer.Render(AgentReply.Hangup(ReminderVoicemail.For(tenant, appointment)), tenant));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAnswerFailed(logger, call.CallSid.Value, ex);
            telemetry.RecordWebhookFallback("reminder");
            return CallWebhookReader.Twiml(renderer.RenderFailure(tenants.LastKnown(call.Dialed)));
        }
    }

    /// <summary>Twilio's status callback for the reminder call: the end is recorded on the call and raised on its instance.</summary>
    [Function("VoiceReminderStatus")]
    public async Task<IResult> StatusAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "voice/reminder/status")] HttpRequest request,
        [DurableClient] DurableTaskClient durable)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var webhook = await reader.ReadAsync(request);
        if (!webhook.IsCall)
        {
            return webhook.Refusal;
        }

        var instance = request.Query["instance"].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(instance))
        {
            return TypedResults.BadRequest("instance is required.");
        }

        if (!VoiceWebhookForm.TryReadStatus(webhook.Form, out var status, out var duration, out var error))
        {
            return TypedResults.BadRequest(error);
        }

        if (!CallStatuses.IsFinal(status))
        {
            return CallWebhookReader.Twiml(VoiceReplyRenderer.Empty());
        }

        // Twilio retries a failed status callback: a failure here is a 503, not swallowed (the call is over).
        var cancellationToken = request.HttpContext.RequestAborted;
        try
        {
            await calls.RecordEndAsync(webhook.Call, status, duration, cancellationToken);
            await durable.RaiseEventAsync(instance, CallEnded.EventName, new CallEnded(status, webhook.Form["AnsweredBy"].FirstOrDefault()), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStatusFailed(logger, webhook.Call.CallSid.Value, ex);
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return CallWebhookReader.Twiml(VoiceReplyRenderer.Empty());
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Error, Message = "Reminder call {CallSid}: the answer webhook failed; the customer gets the fallback answer")]
    private static partial void LogAnswerFailed(ILogger logger, string callSid, Exception exception);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Error, Message = "Reminder call {CallSid}: recording its end failed; Twilio will retry")]
    private static partial void LogStatusFailed(ILogger logger, string callSid, Exception exception);
}
