using Microsoft.DurableTask.Client;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Workflows;

namespace VoiceAgent.Functions.Workflows;

/// <summary>
/// A deletion request's workflow side on the Durable client the function was bound to: every instance an appointment can
/// have (by the fixed ids: <see cref="AppointmentChange.InstanceId"/> for each kind, <see cref="ReminderAttempt.InstanceId"/>
/// for each attempt the shop's policy allows) is terminated when still live, awaited, then purged with its history.
/// </summary>
public sealed class DurableWorkflowHistoryEraser(DurableTaskClient durable) : IWorkflowHistoryEraser
{
    /// <summary>How long a terminated instance is given to reach its end before the purge (real time: the engine's clock).</summary>
    private static readonly TimeSpan EndWait = TimeSpan.FromSeconds(30);

    public async Task<int> EraseAsync(TenantProfile tenant, IReadOnlyCollection<string> appointmentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(appointmentIds);
        var purged = 0;
        foreach (var instanceId in appointmentIds.SelectMany(id => InstanceIds(tenant, id)))
        {
            purged += await EraseInstanceAsync(instanceId, cancellationToken);
        }

        return purged;
    }

    /// <summary>Every instance id the workflows give one appointment's follow-ups and reminder calls.</summary>
    public static IEnumerable<string> InstanceIds(TenantProfile tenant, string appointmentId)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        foreach (var kind in Enum.GetValues<ChangeKind>())
        {
            yield return new AppointmentChange(tenant.Id, appointmentId, kind, null, null, default).InstanceId;
        }

        for (var attempt = 1; attempt <= tenant.Reminders.MaxAttempts; attempt++)
        {
            yield return new ReminderAttempt(tenant.Id, appointmentId, default, attempt).InstanceId;
        }
    }

    private async Task<int> EraseInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is not { } instance)
        {
            return 0;
        }

        if (instance.RuntimeStatus is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended)
        {
            await durable.TerminateInstanceAsync(instanceId, new TerminateInstanceOptions { Output = "customer data erased" }, cancellationToken);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(EndWait);
            await durable.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: false, wait.Token);
        }

        var result = await durable.PurgeInstanceAsync(instanceId, cancellation: cancellationToken);
        return result.PurgedInstanceCount;
    }
}
