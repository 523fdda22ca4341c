using Microsoft.DurableTask.Client;
using VoiceAgent.Core.Workflows;

namespace VoiceAgent.Functions.Workflows;

/// <summary>
/// Starts the follow-up workflow of each recorded change: right after the call's turn that made it, and again from the
/// sweep for any change whose start was lost. One instance per change; an instance already running is left alone.
/// </summary>
public sealed partial class FollowUpStarter(FollowUpStore followUps, ILogger<FollowUpStarter> logger)
{
    /// <summary>The changes a call made that have no workflow yet. Never throws: the sweep re-drives what is missed here.</summary>
    public async Task StartForCallAsync(DurableTaskClient durable, string tenantId, string callSid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        try
        {
            foreach (var change in await followUps.PendingForCallAsync(tenantId, callSid, cancellationToken))
            {
                await StartAsync(durable, change, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStartFailed(logger, callSid, ex);
        }
    }

    /// <summary>Every change of the tenant recorded before <paramref name="recordedBefore"/> and still pending.</summary>
    public async Task<int> RedriveAsync(DurableTaskClient durable, string tenantId, DateTimeOffset recordedBefore, CancellationToken cancellationToken)
    {
        var started = 0;
        foreach (var change in await followUps.PendingAsync(tenantId, recordedBefore, cancellationToken))
        {
            started += await StartAsync(durable, change, cancellationToken) ? 1 : 0;
        }

        return started;
    }

    /// <summary>Starts the change's instance unless it is already pending or running; true when started.</summary>
    public async Task<bool> StartAsync(DurableTaskClient durable, AppointmentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(change);
        if (!await OrchestrationStarts.StartOnceAsync(durable, nameof(BookingFollowUpOrchestrator.BookingFollowUp), change, change.InstanceId, cancellationToken))
        {
            return false;
        }

        LogStarted(logger, change.AppointmentId, change.Kind.ToString());
        return true;
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Appointment {AppointmentId}: {Kind} follow-up started")]
    private static partial void LogStarted(ILogger logger, string appointmentId, string kind);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Call {CallSid}: its follow-ups could not be started now; the sweep starts them")]
    private static partial void LogStartFailed(ILogger logger, string callSid, Exception exception);
}
