using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using VoiceAgent.Core.Workflows;

namespace VoiceAgent.Functions.Workflows;

/// <summary>
/// What follows every book, reschedule or cancel: the old time freed (a move to another day), the external calendar
/// brought in line, one text to the customer, the reminder planned. It only decides; the activities do the I/O and are
/// idempotent. A step that still fails after its retries is recorded (metric, alert) for the re-drive command: nothing is
/// dropped silently.
/// </summary>
public sealed class BookingFollowUpOrchestrator(WorkflowRetries retries)
{
    [Function(nameof(BookingFollowUp))]
    public async Task BookingFollowUp([OrchestrationTrigger] TaskOrchestrationContext context, AppointmentChange change)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(change);
        var failures = new List<FollowUpFailed>();
        if (change.Kind == ChangeKind.Rescheduled)
        {
            await StepAsync(context, nameof(BookingFollowUpActivities.CancelReplaced), "cancel-replaced", change, failures);
        }

        await StepAsync(context, nameof(BookingFollowUpActivities.SyncCalendar), "calendar", change, failures);
        await StepAsync(context, nameof(BookingFollowUpActivities.TextCustomer), "text", change, failures);
        await StepAsync(context, nameof(BookingFollowUpActivities.PlanReminder), "reminder", change, failures);

        if (failures.Count == 0)
        {
            await context.CallActivityAsync(nameof(BookingFollowUpActivities.CompleteFollowUp), change, retries.Step);
            return;
        }

        foreach (var failure in failures)
        {
            await context.CallActivityAsync(nameof(BookingFollowUpActivities.RecordFollowUpFailure), failure, retries.Step);
        }
    }

    private async Task StepAsync(TaskOrchestrationContext context, string activity, string step, AppointmentChange change, List<FollowUpFailed> failures)
    {
        try
        {
            await context.CallActivityAsync(activity, change, retries.Step);
        }
        catch (TaskFailedException ex)
        {
            failures.Add(new FollowUpFailed(change, step, ex.FailureDetails.ErrorMessage));
        }
    }
}
