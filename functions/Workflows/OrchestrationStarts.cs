using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace VoiceAgent.Functions.Workflows;

/// <summary>
/// Starts an instance under a fixed id unless one is already pending, running or suspended: the check and the start
/// are one request (dedupe statuses), so two sweeps or two app instances racing start it once. Durable de-duplicates
/// only live instances; a completed one may start again, which is why every step is claimed and idempotent too.
/// </summary>
public static class OrchestrationStarts
{
    private static readonly OrchestrationRuntimeStatus[] Live =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    /// <returns>True when this call started it; false when a live instance with that id already exists.</returns>
    public static async Task<bool> StartOnceAsync(DurableTaskClient durable, TaskName orchestrator, object input, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId).WithDedupeStatuses(Live), cancellationToken);
            return true;
        }
        catch (Exception ex) when (IsAlreadyLive(ex))
        {
            return false;
        }
    }

    private static bool IsAlreadyLive(Exception ex) =>
        ex is RpcException { StatusCode: StatusCode.AlreadyExists or StatusCode.FailedPrecondition }
        || ex.GetType().Name == "OrchestrationAlreadyExistsException"
        || (ex.InnerException is { } inner && IsAlreadyLive(inner));
}
