using Microsoft.Extensions.Logging;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Telemetry;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Messaging;

/// <summary>
/// Sends one text per appointment event, ever. The event is claimed on the appointment row (ETag) before anything is
/// sent; a claim left without Twilio's sid (the process died after Twilio accepted it) is reconciled with Twilio's
/// message list, by number and identical body, instead of sending again. A number that opted out (STOP, or Twilio's
/// 21610) gets nothing, and that is recorded too. A transient Twilio failure throws, so the workflow retries it.
/// </summary>
public sealed partial class AppointmentTextSender(
    AppointmentStore store,
    SmsOptOutStore optOuts,
    TwilioMessaging twilio,
    TimeProvider time,
    VoiceAgentTelemetry telemetry,
    ILogger<AppointmentTextSender> logger)
{
    /// <summary>How far before a claim a reconciled message may have been created (clock skew between us and Twilio).</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    /// <param name="key">The notice key, e.g. <c>sms-booked</c>: one text per key per appointment.</param>
    public async Task<Notice> SendOnceAsync(TenantProfile tenant, Appointment appointment, string key, string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(appointment);
        var existing = await store.TryClaimNoticeAsync(appointment, key, time.GetUtcNow(), cancellationToken);
        if (existing is { State: NoticeState.Sent or NoticeState.Skipped })
        {
            return existing;
        }

        var to = appointment.CustomerPhone;
        if (string.IsNullOrEmpty(to))
        {
            telemetry.RecordSms(tenant.Id, key, "no-number");
            return await RecordAsync(appointment, key, NoticeState.Skipped, null, "no number on the appointment", cancellationToken);
        }

        if (existing is { State: NoticeState.Claimed } claimed
            && await twilio.FindSentSmsAsync(tenant.PhoneNumber, to, body, claimed.ClaimedAt - ClockSkew, cancellationToken) is { } found)
        {
            LogReconciled(logger, appointment.Id, key, found);
            return await RecordAsync(appointment, key, NoticeState.Sent, found, "reconciled with Twilio", cancellationToken);
        }

        if (await optOuts.IsOptedOutAsync(tenant.Id, to, cancellationToken))
        {
            telemetry.RecordSms(tenant.Id, key, "opted-out");
            return await RecordAsync(appointment, key, NoticeState.Skipped, null, "the number opted out of texts", cancellationToken);
        }

        var sent = await twilio.SendSmsAsync(tenant.PhoneNumber, to, body, cancellationToken);
        switch (sent.Status)
        {
            case TwilioSendStatus.Accepted:
                telemetry.RecordSms(tenant.Id, key, "sent");
                return await RecordAsync(appointment, key, NoticeState.Sent, sent.Sid, null, cancellationToken);
            case TwilioSendStatus.OptedOut:
                await optOuts.OptOutAsync(tenant.Id, to, "Twilio error 21610", time.GetUtcNow(), cancellationToken);
                telemetry.RecordSms(tenant.Id, key, "opted-out");
                return await RecordAsync(appointment, key, NoticeState.Skipped, null, "the number opted out of texts (Twilio 21610)", cancellationToken);
            case TwilioSendStatus.Rejected:
                LogRejected(logger, appointment.Id, key, sent.ErrorCode, sent.Reason);
                telemetry.RecordSms(tenant.Id, key, "rejected");
                return await RecordAsync(appointment, key, NoticeState.Skipped, null, $"Twilio refused it: {sent.ErrorCode} {sent.Reason}", cancellationToken);
            default:
                telemetry.RecordSms(tenant.Id, key, "retry");
                throw new TwilioUnavailableException($"Twilio could not take the text now ({sent.ErrorCode} {sent.Reason}); the workflow retries.");
        }
    }

    private async Task<Notice> RecordAsync(Appointment appointment, string key, NoticeState state, string? sid, string? detail, CancellationToken cancellationToken)
    {
        await store.RecordNoticeAsync(appointment, key, state, sid, detail, cancellationToken);
        return new Notice(key, state, time.GetUtcNow(), sid, detail);
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Appointment {AppointmentId}: text {Key} was already accepted by Twilio as {Sid}; recorded, not sent again")]
    private static partial void LogReconciled(ILogger logger, string appointmentId, string key, string sid);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Appointment {AppointmentId}: Twilio refused text {Key} ({ErrorCode}: {Reason}); recorded, not retried")]
    private static partial void LogRejected(ILogger logger, string appointmentId, string key, int? errorCode, string? reason);
}
