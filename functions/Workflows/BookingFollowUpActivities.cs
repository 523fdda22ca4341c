using Microsoft.Azure.Functions.Worker;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Calendars;
using VoiceAgent.Core.Messaging;
using VoiceAgent.Core.Reminders;
using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Telemetry;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Workflows;

namespace VoiceAgent.Functions.Workflows;

/// <summary>
/// The steps of <see cref="BookingFollowUpOrchestrator"/>. Each reads the truth (the appointment row) first and is
/// idempotent, so a retry, a re-drive or a second start does nothing twice.
/// </summary>
public sealed partial class BookingFollowUpActivities(
    TenantStore tenants,
    AppointmentStore store,
    SchedulingService scheduling,
    CalendarSync calendar,
    AppointmentTextSender texts,
    AppointmentTexts wording,
    ReminderPlanner planner,
    FollowUpStore followUps,
    TimeProvider time,
    VoiceAgentTelemetry telemetry,
    ILogger<BookingFollowUpActivities> logger)
{
    /// <summary>A move to another day: the new time was booked during the call; the old one is freed here, whatever crashed in between.</summary>
    [Function(nameof(CancelReplaced))]
    public async Task CancelReplaced([ActivityTrigger] AppointmentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var tenant = await TenantAsync(change.TenantId, cancellationToken);
        if (change.ReplacesId is not { } replacedId
            || await FindAsync(tenant, change.AppointmentId, cancellationToken) is not { Status: AppointmentStatus.Booked } moved)
        {
            return; // the new booking never landed: the customer keeps the old time
        }

        if (await FindAsync(tenant, replacedId, cancellationToken) is { Status: AppointmentStatus.Booked } old)
        {
            await scheduling.CancelAsync(tenant, old.CustomerId, old.Id, moved.Id, cancellationToken);
        }
    }

    /// <summary>The external calendar brought in line with the book: the event created, moved or deleted.</summary>
    [Function(nameof(SyncCalendar))]
    public async Task SyncCalendar([ActivityTrigger] AppointmentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var tenant = await TenantAsync(change.TenantId, cancellationToken);
        if (change.ReplacesId is { } replacedId && await FindAsync(tenant, replacedId, cancellationToken) is { Status: AppointmentStatus.Cancelled } replaced)
        {
            await calendar.DeleteAsync(tenant, replaced, cancellationToken);
        }

        switch (await FindAsync(tenant, change.AppointmentId, cancellationToken))
        {
            case { Status: AppointmentStatus.Booked } booked:
                await calendar.CreateAsync(tenant, booked, cancellationToken);
                break;
            case { Status: AppointmentStatus.Cancelled } cancelled:
                await calendar.DeleteAsync(tenant, cancelled, cancellationToken);
                break;
        }
    }

    /// <summary>One text to the customer for the change, unless their number opted out.</summary>
    [Function(nameof(TextCustomer))]
    public async Task TextCustomer([ActivityTrigger] AppointmentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var tenant = await TenantAsync(change.TenantId, cancellationToken);
        var appointment = await FindAsync(tenant, change.AppointmentId, cancellationToken);
        switch (change.Kind)
        {
            case ChangeKind.Booked when appointment is { Status: AppointmentStatus.Booked }:
                await texts.SendOnceAsync(tenant, appointment, NoticeKeys.SmsBooked, wording.Booked(tenant, appointment), cancellationToken);
                break;
            case ChangeKind.Rescheduled when appointment is { Status: AppointmentStatus.Booked }
                && change.ReplacesId is { } replacedId && await FindAsync(tenant, replacedId, cancellationToken) is { } old:
                await texts.SendOnceAsync(tenant, appointment, NoticeKeys.SmsRescheduled, wording.Rescheduled(tenant, appointment, old), cancellationToken);
                break;
            case ChangeKind.Cancelled when appointment is { Status: AppointmentStatus.Cancelled }:
                await texts.SendOnceAsync(tenant, appointment, NoticeKeys.SmsCancelled, wording.Cancelled(tenant, appointment), cancellationToken);
                break;
            default:
                LogNothingToText(logger, change.AppointmentId, change.Kind.ToString());
                break;
        }
    }

    /// <summary>
    /// The reminder: the sweep finds due reminders in the book itself, so a booking needs none scheduled here; one made
    /// after its reminder was due is marked as needing none (the confirmation text is enough).
    /// </summary>
    [Function(nameof(PlanReminder))]
    public async Task PlanReminder([ActivityTrigger] AppointmentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var tenant = await TenantAsync(change.TenantId, cancellationToken);
        if (change.Kind != ChangeKind.Cancelled
            && await FindAsync(tenant, change.AppointmentId, cancellationToken) is { Status: AppointmentStatus.Booked } appointment
            && planner.Next(tenant, appointment, time.GetUtcNow()).Action == ReminderAction.MarkNotNeeded)
        {
            await store.SetReminderAsync(appointment, appointment.Reminder with { Outcome = ReminderOutcome.NotNeeded, UpdatedAt = time.GetUtcNow() }, cancellationToken);
        }
    }

    [Function(nameof(CompleteFollowUp))]
    public Task CompleteFollowUp([ActivityTrigger] AppointmentChange change, CancellationToken cancellationToken) =>
        followUps.CompleteAsync(change, cancellationToken);

    /// <summary>A step that still failed: kept as a failed follow-up (re-driven by staff), counted (the alert reads the metric) and logged.</summary>
    [Function(nameof(RecordFollowUpFailure))]
    public async Task RecordFollowUpFailure([ActivityTrigger] FollowUpFailed failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        await followUps.FailAsync(failure.Change, failure.Step, failure.Reason, cancellationToken);
        telemetry.RecordFollowUpFailed(failure.Change.TenantId, failure.Step);
        LogStepFailed(logger, failure.Change.AppointmentId, failure.Change.Kind.ToString(), failure.Step, failure.Reason);
    }

    private async Task<TenantProfile> TenantAsync(string tenantId, CancellationToken cancellationToken) =>
        await tenants.FindAsync(tenantId, cancellationToken) ?? throw new InvalidOperationException($"Tenant {tenantId} does not exist.");

    private async Task<Appointment?> FindAsync(TenantProfile tenant, string appointmentId, CancellationToken cancellationToken) =>
        await store.FindAsync(tenant.Id, appointmentId, cancellationToken);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Appointment {AppointmentId}: nothing to text for {Kind} (the change did not land or was undone)")]
    private static partial void LogNothingToText(ILogger logger, string appointmentId, string kind);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Error, Message = "Appointment {AppointmentId}: the {Kind} follow-up step {Step} failed after its retries ({Reason}); recorded for re-drive")]
    private static partial void LogStepFailed(ILogger logger, string appointmentId, string kind, string step, string reason);
}
