using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Messaging;
using VoiceAgent.Core.Reminders;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Functions.Workflows;

/// <summary>
/// The timer that finds what is due on the app's clock: reminder calls (first tries and retries) from the book itself,
/// reading only the local days that can be due, and follow-ups whose start was lost. Running it twice, or on two
/// instances at once, starts nothing twice: each attempt has one instance id and is claimed on the appointment.
/// </summary>
public sealed partial class ReminderSweepFunction(
    TenantStore tenants,
    AppointmentStore store,
    ReminderPlanner planner,
    AppointmentTextSender texts,
    AppointmentTexts wording,
    FollowUpStarter followUps,
    TimeProvider time,
    IOptions<WorkflowOptions> options,
    ILogger<ReminderSweepFunction> logger)
{
    public const string Schedule = "0 */5 * * * *";

    [Function(nameof(ReminderSweep))]
    public Task ReminderSweep([TimerTrigger(Schedule)] TimerInfo timer, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        SweepAsync(durable, cancellationToken);

    /// <summary>One sweep over every tenant (the timer's body; the benchmark calls it directly).</summary>
    public async Task<SweepResult> SweepAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var now = time.GetUtcNow();
        var result = new SweepResult();
        foreach (var tenant in await tenants.ListAsync(cancellationToken))
        {
            var (from, to) = ReminderPlanner.DaysThatCanBeDue(tenant, now);
            var book = await store.ListAsync(tenant.Id, from, to, customerId: null, cancellationToken);
            result.AppointmentsRead += book.Count;
            foreach (var appointment in book)
            {
                await ActAsync(durable, tenant, appointment, planner.Next(tenant, appointment, now), result, cancellationToken);
            }

            result.FollowUpsRedriven += await followUps.RedriveAsync(durable, tenant.Id, now.AddMinutes(-options.Value.RedriveAfterMinutes), cancellationToken);
        }

        LogSwept(logger, result.AppointmentsRead, result.CallsStarted, result.Texts, result.FollowUpsRedriven);
        return result;
    }

    private async Task ActAsync(DurableTaskClient durable, TenantProfile tenant, Appointment appointment, ReminderStep step, SweepResult result, CancellationToken cancellationToken)
    {
        switch (step.Action)
        {
            case ReminderAction.Call:
                var attempt = new ReminderAttempt(tenant.Id, appointment.Id, tenant.Time.DayOf(appointment.Start), step.Attempt);
                if (await OrchestrationStarts.StartOnceAsync(durable, nameof(ReminderCallOrchestrator.ReminderCall), attempt, attempt.InstanceId, cancellationToken))
                {
                    result.CallsStarted++;
                }

                break;
            case ReminderAction.Text:
                // No calling window is left before the appointment: the reminder is a text (claimed, so sent once);
                // after unanswered calls it ends as unreached, with no call at all as texted, unless no text went out (the
                // shop turned reminder texts off, the number opted out): then nobody was reached, and the notice says why.
                var text = await texts.SendOnceAsync(tenant, appointment, NoticeKeys.SmsReminder, wording.Reminder(tenant, appointment), cancellationToken);
                var texted = text.State == NoticeState.Sent;
                var outcome = texted && step.Attempt == 0 && appointment.Reminder.Attempts == 0 ? ReminderOutcome.Texted : ReminderOutcome.Unreached;
                await store.SetReminderAsync(appointment, appointment.Reminder with { Outcome = outcome, UpdatedAt = time.GetUtcNow() }, cancellationToken);
                result.Texts += texted ? 1 : 0;
                break;
            case ReminderAction.Nothing when appointment.Reminder.Outcome == ReminderOutcome.Unreached && appointment.Status == AppointmentStatus.Booked
                && (!appointment.Notices.TryGetValue(NoticeKeys.SmsReminder, out var notice) || notice.State == NoticeState.Claimed):
                // Unreached, but the text that follows never went out (its step failed after its retries): send it now.
                var late = await texts.SendOnceAsync(tenant, appointment, NoticeKeys.SmsReminder, wording.Reminder(tenant, appointment), cancellationToken);
                result.Texts += late.State == NoticeState.Sent ? 1 : 0;
                break;
            case ReminderAction.MarkNotNeeded:
                await store.SetReminderAsync(appointment, appointment.Reminder with { Outcome = ReminderOutcome.NotNeeded, UpdatedAt = time.GetUtcNow() }, cancellationToken);
                break;
        }
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Reminder sweep: {Read} appointments read, {Calls} calls started, {Texts} texts, {Redriven} follow-ups re-driven")]
    private static partial void LogSwept(ILogger logger, int read, int calls, int texts, int redriven);
}
