using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.LocalFunctionsHost.Durable;
using VoiceAgent.LocalFunctionsHost.Tests.Hosting;

namespace VoiceAgent.LocalFunctionsHost.Tests.Durable;

/// <summary>
/// The local host over <see cref="WorkflowFunctions"/> on Azurite, with a task hub of its own (named in its host.json),
/// and a way to wait for an instance's end that looks every 100 ms (the backend's own wait polls every 2 s).
/// </summary>
public static class DurableHost
{
    /// <summary>How long a test waits for a workflow it expects to end: generous, as it only bounds a failure.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static Task<TestFunctionsHost> StartAsync(
        AzuriteFixture azurite,
        string metadata = DurableTestMetadata.Workflows,
        string? hubName = null,
        TimeProvider? clock = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        string moreDurableSettings = "")
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var appSettings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            [DurableSidecar.ConnectionStringSetting] = azurite.ConnectionString,
        };
        return TestFunctionsHost.StartAsync(metadata, clock, DurableTestMetadata.HostJson(hubName ?? DurableTestMetadata.NewHubName(), moreDurableSettings), settings: appSettings);
    }

    public static DurableTaskClient Workflows(this TestFunctionsHost host) =>
        host.Host.Workflows ?? throw new InvalidOperationException("The host has no Durable functions.");

    public static string HubName(this TestFunctionsHost host) => host.Host.Services.GetRequiredService<DurableWorkflows>().HubName;

    /// <summary>The instance once it has completed, failed or been terminated.</summary>
    public static async Task<OrchestrationMetadata> CompletionAsync(this DurableTaskClient client, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var patience = new CancellationTokenSource(Patience);
        while (true)
        {
            if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, patience.Token) is { IsCompleted: true } done)
            {
                return done;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), patience.Token);
        }
    }

    /// <summary>The instance once it has started running (an event raised before would wait in its queue).</summary>
    public static async Task RunningAsync(this DurableTaskClient client, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var patience = new CancellationTokenSource(Patience);
        while (await client.GetInstanceAsync(instanceId, patience.Token) is not { RuntimeStatus: OrchestrationRuntimeStatus.Running })
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), patience.Token);
        }
    }
}
