using Microsoft.Azure.Functions.Worker;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Reminders;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Functions.Workflows;

/// <summary>The steps of <see cref="ReminderCallOrchestrator"/>: place the call once, record how it ended.</summary>
public sealed class ReminderCallActivities(
    TenantStore tenants,
    AppointmentStore store,
    ReminderCaller caller,
    ReminderAttemptRecorder recorder,
    TwilioMessaging twilio,
    ReminderCallUrls urls)
{
    [Function(nameof(PlaceReminderCall))]
    public async Task<ReminderCallPlaced> PlaceReminderCall([ActivityTrigger] ReminderAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var tenant = await tenants.FindAsync(attempt.TenantId, cancellationToken);
        var appointment = tenant is null ? null : await store.FindAsync(tenant.Id, attempt.Day, attempt.AppointmentId, cancellationToken);
        if (tenant is null || appointment is null)
        {
            return ReminderCallPlaced.None("the appointment no longer exists");
        }

        return await caller.PlaceAsync(tenant, appointment, attempt.Attempt, urls.Answer(attempt), urls.Status(attempt), cancellationToken);
    }

    [Function(nameof(RecordReminderAttempt))]
    public async Task<ReminderStatus> RecordReminderAttempt([ActivityTrigger] ReminderAttemptEnded ended, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ended);
        var attempt = ended.Attempt;
        var tenant = await tenants.FindAsync(attempt.TenantId, cancellationToken) ?? throw new InvalidOperationException($"Tenant {attempt.TenantId} does not exist.");
        var status = ended.CallStatus;
        if (status is null && ended.CallSid.Length > 0)
        {
            status = await twilio.CallStatusAsync(ended.CallSid, cancellationToken); // no callback came: ask Twilio
        }

        return await recorder.RecordAsync(tenant, attempt.Day, attempt.AppointmentId, attempt.Attempt, status, ended.AnsweredBy, cancellationToken);
    }
}
