namespace VoiceAgent.LocalFunctionsHost.Durable;

/// <summary>
/// host.json's <c>extensions.durableTask</c>, with app settings over it (<c>AzureFunctionsJobHost:extensions:durableTask:…</c>)
/// as the Functions host reads it. Only what the local engine honours is here; where host.json is silent, the local
/// defaults are chosen for a fast start and a quick pick-up, and say so.
/// </summary>
public sealed class DurableTaskHostOptions
{
    public const string Section = "AzureFunctionsJobHost:extensions:durableTask";

    /// <summary>The extension's default when host.json names none and the app has no site name (WEBSITE_SITE_NAME).</summary>
    public const string DefaultHubName = "TestHubName";

    /// <summary>The task hub: prefix of its tables (…Instances, …History, …Partitions), queues and blob containers.</summary>
    public string HubName { get; set; } = DefaultHubName;

    /// <summary>What an existing instance may be in for a start with its id to replace it (the extension's rule).</summary>
    public OverridableStates OverridableExistingInstanceStates { get; set; } = OverridableStates.NonRunningStates;

    /// <summary>The extension's default is 10 × processors; the local host keeps DurableTask.AzureStorage's 10.</summary>
    public int MaxConcurrentActivityFunctions { get; set; } = 10;

    public int MaxConcurrentOrchestratorFunctions { get; set; } = 10;

    public DurableStorageProviderOptions StorageProvider { get; set; } = new();
}

/// <summary>host.json's <c>extensions.durableTask.storageProvider</c> for the Azure Storage backend.</summary>
public sealed class DurableStorageProviderOptions
{
    /// <summary>Only the app's storage (AzureWebJobsStorage in Azure, <c>Storage:ConnectionString</c> here).</summary>
    public string? ConnectionName { get; set; }

    /// <summary>Fixed when a hub is created. The extension's default is 4; one is enough for one local instance.</summary>
    public int PartitionCount { get; set; } = 1;

    /// <summary>
    /// How long an idle queue may go unpolled: the latest a durable timer or another process's message is seen. The
    /// extension's default is 30 s (1 s on Flex Consumption); locally 1 s.
    /// </summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a dequeued control-queue message stays hidden: after a crash, how soon another worker sees it again.</summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a dequeued activity message stays hidden: after a crash, how soon the activity runs again. The sidecar
    /// does not renew it, so an activity running longer than this runs a second time.
    /// </summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public int ControlQueueBatchSize { get; set; } = 32;

    public int ControlQueueBufferThreshold { get; set; } = 256;

    /// <summary>The extension's default (the table partition manager); the blob-lease managers take tens of seconds to start.</summary>
    public bool UseTablePartitionManagement { get; set; } = true;
}

/// <summary>The extension's <c>overridableExistingInstanceStates</c>.</summary>
public enum OverridableStates
{
    /// <summary>A start replaces an instance in any state; a running one is terminated first.</summary>
    AnyState,

    /// <summary>A start replaces a completed, failed or terminated instance; a pending, running or suspended one stays and the start fails.</summary>
    NonRunningStates,
}
