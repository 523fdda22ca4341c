using System.Diagnostics;
using Microsoft.DurableTask.Client;

namespace VoiceAgent.LocalFunctionsHost.Durable;

/// <summary>The app's workflows, for the scenario runner, tests and tools: the client, a wait for quiet, and the hub's removal.</summary>
public sealed class DurableWorkflows(DurableTaskClient client, DurableSidecar sidecar)
{
    /// <summary>How often <see cref="WaitForQuietAsync"/> looks at the instances table.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private static readonly OrchestrationRuntimeStatus[] Busy = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running];

    public DurableTaskClient Client { get; } = client;

    public string HubName => sidecar.HubName;

    /// <summary>
    /// True once no instance is pending or running, false if one still is after <paramref name="max"/> (real time:
    /// Durable runs on the engine's clock, not the app's). An instance waiting on a durable timer or an event is running.
    /// </summary>
    public async Task<bool> WaitForQuietAsync(TimeSpan max, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (!await AnyBusyAsync(cancellationToken))
            {
                return true;
            }

            if (waited.Elapsed >= max)
            {
                return false;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    public Task DeleteTaskHubAsync(CancellationToken cancellationToken) => sidecar.DeleteTaskHubAsync(cancellationToken);

    private async Task<bool> AnyBusyAsync(CancellationToken cancellationToken)
    {
        var query = new OrchestrationQuery { Statuses = Busy, PageSize = 1 };
        await foreach (var page in Client.GetAllInstancesAsync(query).AsPages().WithCancellation(cancellationToken))
        {
            if (page.Values.Count > 0)
            {
                return true; // a table query can hand back an empty page before a full one
            }
        }

        return false;
    }
}
