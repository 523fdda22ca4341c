using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Messaging;
using VoiceAgent.Core.Telemetry;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Reminders;

/// <summary>
/// Records how one reminder call ended, from the truth on the appointment row: cancelled or moved during the call,
/// confirmed by the customer, a machine (voicemail), or unanswered, which leads to a later try by the tenant's policy or,
/// once the tries are used up or no calling window is left, a text. Idempotent: an outcome already final stays.
/// </summary>
public sealed class ReminderAttemptRecorder(AppointmentStore store, ReminderPlanner planner, AppointmentTextSender texts, AppointmentTexts wording, TimeProvider time, VoiceAgentTelemetry telemetry)
{
    /// <param name="callStatus">Twilio's final CallStatus (completed, no-answer, busy, failed, canceled), or null when unknown.</param>
    /// <param name="answeredBy">Twilio's AnsweredBy (human, machine_start, …, unknown) when answering-machine detection ran.</param>
    public async Task<ReminderStatus> RecordAsync(TenantProfile tenant, DateOnly day, string appointmentId, int attempt, string? callStatus, string? answeredBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var appointment = await store.FindAsync(tenant.Id, day, appointmentId, cancellationToken);
        if (appointment is null)
        {
            return ReminderStatus.None;
        }

        var current = appointment.Reminder;
        var now = time.GetUtcNow();
        var next = Outcome(appointment, answeredBy) is { } decided
            ? current with { Outcome = decided, Attempts = Math.Max(current.Attempts, attempt), UpdatedAt = now }
            : IsFinal(current.Outcome) || current.Attempts > attempt
                ? current // recorded already (a retried step), or a later attempt has begun
                : planner.AfterUnanswered(tenant, appointment, current with { Attempts = attempt }, now);

        if (next != current)
        {
            await store.SetReminderAsync(appointment, next, cancellationToken);
            if (IsFinal(next.Outcome) && next.Outcome != current.Outcome)
            {
                telemetry.RecordReminderOutcome(tenant.Id, next.Outcome.ToString().ToLowerInvariant());
            }
        }

        if (next.Outcome == ReminderOutcome.Unreached)
        {
            await texts.SendOnceAsync(tenant, appointment, NoticeKeys.SmsReminder, wording.Reminder(tenant, appointment), cancellationToken);
        }

        return next;
    }

    /// <summary>The outcome the call itself decided, or null when it was not answered by anyone who decided.</summary>
    private static ReminderOutcome? Outcome(Appointment appointment, string? answeredBy) =>
        appointment.Status == AppointmentStatus.Cancelled ? (appointment.RescheduledTo is null ? ReminderOutcome.Cancelled : ReminderOutcome.Rescheduled)
        : appointment.Reminder.Outcome is ReminderOutcome.Confirmed or ReminderOutcome.Voicemail ? appointment.Reminder.Outcome
        : IsMachine(answeredBy) ? ReminderOutcome.Voicemail
        : null;

    public static bool IsMachine(string? answeredBy) =>
        answeredBy is not null && (answeredBy.StartsWith("machine", StringComparison.OrdinalIgnoreCase) || answeredBy.Equals("fax", StringComparison.OrdinalIgnoreCase));

    private static bool IsFinal(ReminderOutcome outcome) =>
        outcome is ReminderOutcome.Confirmed or ReminderOutcome.Cancelled or ReminderOutcome.Rescheduled or ReminderOutcome.Voicemail
            or ReminderOutcome.Unreached or ReminderOutcome.Texted or ReminderOutcome.NotNeeded;
}
