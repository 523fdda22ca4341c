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
/// 21610) gets nothing, and that is recorded too; so does a text the shop turned off (<see cref="TenantSms"/>: the
/// confirmations, or the reminder's text). Texts come from the shop's <see cref="TenantSms.FromNumber"/> when it set one,
/// else from its own number. A transient Twilio failure throws, so the workflow retries it.
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

    /// <summary>The skipped notice's detail when the shop's settings turned the text off.</summary>
    public const string TurnedOffDetail = "the shop's settings turn this text off";

    /// <summary>
    /// Which tenant setting turns the text of <paramref name="key"/> off: <see cref="TenantSms.SendsReminderTexts"/> for the
    /// reminder's, <see cref="TenantSms.SendsConfirmations"/> for the others (the booking, the move, the cancellation).
    /// </summary>
    public static bool IsOn(TenantSms sms, string key)
    {
        ArgumentNullException.ThrowIfNull(sms);
        return key == NoticeKeys.SmsReminder ? sms.SendsReminderTexts : sms.SendsConfirmations;
    }

    /// <param name="key">The notice key, e.g. <c>sms-booked</c>: one text per key per appointment.</param>
    /// <returns>The notice as recorded: <see cref="NoticeState.Sent"/> only when Twilio has the text.</returns>
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
        var from = tenant.Sms.SenderFor(tenant.PhoneNumber);
        if (string.IsNullOrEmpty(to))
        {
            telemetry.RecordSms(tenant.Id, key, "no-number");
            return await RecordAsync(appointment, key, NoticeState.Skipped, null, "no number on the appointment", cancellationToken);
        }

        if (existing is { State: NoticeState.Claimed } claimed
            && await twilio.FindSentSmsAsync(from, to, body, claimed.ClaimedAt - ClockSkew, cancellationToken) is { } found)
        {
            LogReconciled(logger, appointment.Id, key, found);
            return await RecordAsync(appointment, key, NoticeState.Sent, found, "reconciled with Twilio", cancellationToken);
        }

        // After the reconciliation: a claim left by a send under way when the shop turned the text off may be at Twilio already.
        if (!IsOn(tenant.Sms, key))
        {
            LogTurnedOff(logger, appointment.Id, key, PhoneNumber.Mask(to));
            telemetry.RecordSms(tenant.Id, key, "tenant-off");
            return await RecordAsync(appointment, key, NoticeState.Skipped, null, TurnedOffDetail, cancellationToken);
        }

        if (await optOuts.IsOptedOutAsync(tenant.Id, to, cancellationToken))
        {
            telemetry.RecordSms(tenant.Id, key, "opted-out");
            return await RecordAsync(appointment, key, NoticeState.Skipped, null, "the number opted out of texts", cancellationToken);
        }

        var sent = await twilio.SendSmsAsync(from, to, body, cancellationToken);
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

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Appointment {AppointmentId}: text {Key} to {To} skipped by the tenant's settings; recorded, not sent")]
    private static partial void LogTurnedOff(ILogger logger, string appointmentId, string key, string to);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Appointment {AppointmentId}: Twilio refused text {Key} ({ErrorCode}: {Reason}); recorded, not retried")]
    private static partial void LogRejected(ILogger logger, string appointmentId, string key, int? errorCode, string? reason);
}
