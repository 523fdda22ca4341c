using DurableTask.Core;
using DurableTask.Core.Query;
using Grpc.Core;

namespace VoiceAgent.LocalFunctionsHost.Durable;

/// <summary>
/// The Durable Functions extension's rules for client calls, in front of the storage backend the sidecar talks to. The
/// sidecar alone replaces any existing instance on a start and raises events to instances that are gone; the extension
/// (3.18, <c>TaskHubGrpcServer</c> and <c>DurabilityProvider</c>) does not:
/// <list type="bullet">
/// <item>A start refuses (AlreadyExists) an id whose instance is in a state the request's reuse policy does not list as
/// replaceable, or in a state host.json's <c>overridableExistingInstanceStates</c> protects (by default pending, running,
/// suspended). With <c>AnyState</c>, a running instance the request may replace is terminated first.</item>
/// <item>An event for an unknown instance is NotFound, for one that is not pending, running or suspended FailedPrecondition.</item>
/// </list>
/// </summary>
public sealed class ExtensionClientRules(IOrchestrationServiceClient inner, OverridableStates overridable)
    : IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
{
    /// <summary>The extension's <c>NonRunningStates</c>: the states a start never replaces.</summary>
    private static readonly OrchestrationStatus[] Protected =
        [OrchestrationStatus.Running, OrchestrationStatus.ContinuedAsNew, OrchestrationStatus.Pending, OrchestrationStatus.Suspended];

    /// <summary>The states the extension raises events to, and terminates before a replacing start.</summary>
    private static readonly OrchestrationStatus[] Live = [OrchestrationStatus.Running, OrchestrationStatus.Pending, OrchestrationStatus.Suspended];

    /// <summary>How long a replacing start waits for the running instance it terminated (the extension waits up to an hour).</summary>
    private static readonly TimeSpan TerminationWait = TimeSpan.FromMinutes(1);

    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) => CreateTaskOrchestrationAsync(creationMessage, null!);

    /// <param name="dedupeStatuses">From the request's reuse policy: every state it does not list as replaceable; null without one.</param>
    public async Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[] dedupeStatuses)
    {
        ArgumentNullException.ThrowIfNull(creationMessage);
        var refused = (dedupeStatuses ?? []).Union(overridable == OverridableStates.NonRunningStates ? Protected : []).ToArray();
        var instanceId = creationMessage.OrchestrationInstance.InstanceId;
        if (Live.Any(s => !refused.Contains(s))
            && await inner.GetOrchestrationStateAsync(instanceId, executionId: null) is { } existing
            && Live.Contains(existing.OrchestrationStatus)
            && !refused.Contains(existing.OrchestrationStatus))
        {
            await inner.ForceTerminateTaskOrchestrationAsync(instanceId, $"A new instance with the id {instanceId} replaces this one.");
            await inner.WaitForOrchestrationAsync(instanceId, existing.OrchestrationInstance.ExecutionId, TerminationWait, CancellationToken.None);
        }

        await inner.CreateTaskOrchestrationAsync(creationMessage, refused);
    }

    public async Task SendTaskOrchestrationMessageAsync(TaskMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Event is DurableTask.Core.History.EventRaisedEvent raised)
        {
            var instanceId = message.OrchestrationInstance.InstanceId;
            var state = await inner.GetOrchestrationStateAsync(instanceId, executionId: null)
                ?? throw new RpcException(new Status(StatusCode.NotFound, $"No instance with ID '{instanceId}' was found."));
            if (!Live.Contains(state.OrchestrationStatus))
            {
                throw new RpcException(new Status(
                    StatusCode.FailedPrecondition,
                    $"Cannot raise event {raised.Name} for orchestration instance {instanceId} because instance is in {state.OrchestrationStatus} state"));
            }
        }

        await inner.SendTaskOrchestrationMessageAsync(message);
    }

    public Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages) => inner.SendTaskOrchestrationMessageBatchAsync(messages);

    public Task<OrchestrationState> WaitForOrchestrationAsync(string instanceId, string executionId, TimeSpan timeout, CancellationToken cancellationToken) =>
        inner.WaitForOrchestrationAsync(instanceId, executionId, timeout, cancellationToken);

    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) => inner.ForceTerminateTaskOrchestrationAsync(instanceId, reason);

    public Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions) => inner.GetOrchestrationStateAsync(instanceId, allExecutions);

    public Task<OrchestrationState> GetOrchestrationStateAsync(string instanceId, string executionId) => inner.GetOrchestrationStateAsync(instanceId, executionId);

    public Task<string> GetOrchestrationHistoryAsync(string instanceId, string executionId) => inner.GetOrchestrationHistoryAsync(instanceId, executionId);

    public Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType) =>
        inner.PurgeOrchestrationHistoryAsync(thresholdDateTimeUtc, timeRangeFilterType);

    public Task<OrchestrationQueryResult> GetOrchestrationWithQueryAsync(OrchestrationQuery query, CancellationToken cancellationToken) =>
        Query.GetOrchestrationWithQueryAsync(query, cancellationToken);

    public Task<PurgeResult> PurgeInstanceStateAsync(string instanceId) => Purge.PurgeInstanceStateAsync(instanceId);

    public Task<PurgeResult> PurgeInstanceStateAsync(PurgeInstanceFilter purgeInstanceFilter) => Purge.PurgeInstanceStateAsync(purgeInstanceFilter);

    private IOrchestrationServiceQueryClient Query =>
        inner as IOrchestrationServiceQueryClient ?? throw new NotSupportedException($"{inner.GetType().Name} cannot query instances.");

    private IOrchestrationServicePurgeClient Purge =>
        inner as IOrchestrationServicePurgeClient ?? throw new NotSupportedException($"{inner.GetType().Name} cannot purge instances.");
}
