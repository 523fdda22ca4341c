using Microsoft.Extensions.Logging;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Reminders;

/// <summary>
/// Places one reminder call per attempt, ever. The attempt is claimed on the appointment row (ETag) before Twilio is
/// asked; a claim left without a call sid (the process died after Twilio accepted) is reconciled with Twilio's call
/// list (our number to theirs, since the claim) instead of calling again. A transient Twilio failure throws, so the
/// workflow retries it; a refusal ends the attempt without a call.
/// </summary>
public sealed partial class ReminderCaller(AppointmentStore store, TwilioMessaging twilio, TimeProvider time, ILogger<ReminderCaller> logger)
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    public async Task<ReminderCallPlaced> PlaceAsync(TenantProfile tenant, Appointment appointment, int attempt, Uri answerUrl, Uri statusCallback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(appointment);
        if (appointment.Status != AppointmentStatus.Booked)
        {
            return ReminderCallPlaced.None("the appointment is no longer booked");
        }

        var key = NoticeKeys.Call(attempt);
        var existing = await store.TryClaimNoticeAsync(appointment, key, time.GetUtcNow(), cancellationToken);
        switch (existing)
        {
            case { State: NoticeState.Sent, Sid: { } placed }:
                return ReminderCallPlaced.Call(placed); // a retried step: the call exists, its outcome is awaited
            case { State: NoticeState.Sent or NoticeState.Skipped }:
                return ReminderCallPlaced.None(existing.Detail ?? "this attempt was already made");
            case { State: NoticeState.Claimed } claimed
                when await twilio.FindCallAsync(tenant.PhoneNumber, appointment.CustomerPhone, claimed.ClaimedAt - ClockSkew, cancellationToken) is { } found:
                LogReconciled(logger, appointment.Id, attempt, found);
                return await RecordPlacedAsync(appointment, attempt, key, found, cancellationToken);
        }

        await store.SetReminderAsync(appointment, appointment.Reminder with { Outcome = ReminderOutcome.Calling, Attempts = attempt, UpdatedAt = time.GetUtcNow() }, cancellationToken);
        var created = await twilio.CreateCallAsync(tenant.PhoneNumber, appointment.CustomerPhone, answerUrl, statusCallback, cancellationToken);
        switch (created.Status)
        {
            case TwilioSendStatus.Accepted when created.Sid is { } sid:
                return await RecordPlacedAsync(appointment, attempt, key, sid, cancellationToken);
            case TwilioSendStatus.Retry:
                throw new TwilioUnavailableException($"Twilio could not place the reminder call now ({created.ErrorCode} {created.Reason}); the workflow retries.");
            default:
                LogRefused(logger, appointment.Id, attempt, created.ErrorCode, created.Reason);
                var reason = $"Twilio refused the call: {created.ErrorCode} {created.Reason}";
                await store.RecordNoticeAsync(appointment, key, NoticeState.Skipped, null, reason, cancellationToken);
                return ReminderCallPlaced.None(reason);
        }
    }

    private async Task<ReminderCallPlaced> RecordPlacedAsync(Appointment appointment, int attempt, string key, string callSid, CancellationToken cancellationToken)
    {
        await store.RecordNoticeAsync(appointment, key, NoticeState.Sent, callSid, null, cancellationToken);
        await store.SetReminderAsync(appointment, appointment.Reminder with { Outcome = ReminderOutcome.Calling, Attempts = attempt, CallSid = callSid, UpdatedAt = time.GetUtcNow() }, cancellationToken);
        return ReminderCallPlaced.Call(callSid);
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Appointment {AppointmentId}: reminder call {Attempt} was already placed as {CallSid}; recorded, not placed again")]
    private static partial void LogReconciled(ILogger logger, string appointmentId, int attempt, string callSid);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Appointment {AppointmentId}: Twilio refused reminder call {Attempt} ({ErrorCode}: {Reason})")]
    private static partial void LogRefused(ILogger logger, string appointmentId, int attempt, int? errorCode, string? reason);
}
