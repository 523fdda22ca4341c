using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Reminders;

namespace VoiceAgent.Functions.Workflows;

/// <summary>
/// One reminder call: placed once (claimed on the appointment), its end awaited from the status callback (a durable
/// timer bounds the real wait, then Twilio is asked), and its outcome recorded. When the next try is due is decided by
/// the sweep on the app's clock, never here.
/// </summary>
public sealed class ReminderCallOrchestrator(WorkflowRetries retries)
{
    [Function(nameof(ReminderCall))]
    public async Task ReminderCall([OrchestrationTrigger] TaskOrchestrationContext context, ReminderAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(attempt);
        var placed = await context.CallActivityAsync<ReminderCallPlaced>(nameof(ReminderCallActivities.PlaceReminderCall), attempt, retries.Step);
        if (!placed.Placed || placed.CallSid is not { } callSid)
        {
            await context.CallActivityAsync<ReminderStatus>(nameof(ReminderCallActivities.RecordReminderAttempt), new ReminderAttemptEnded(attempt, string.Empty, "failed", null), retries.Step);
            return;
        }

        CallEnded? ended;
        try
        {
            ended = await context.WaitForExternalEvent<CallEnded>(CallEnded.EventName, retries.CallOutcomeWait);
        }
        catch (TaskCanceledException)
        {
            ended = null; // the status callback never came: the recording step asks Twilio
        }

        await context.CallActivityAsync<ReminderStatus>(nameof(ReminderCallActivities.RecordReminderAttempt), new ReminderAttemptEnded(attempt, callSid, ended?.CallStatus, ended?.AnsweredBy), retries.Step);
    }
}
