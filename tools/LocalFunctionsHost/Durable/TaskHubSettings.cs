using System.Text.RegularExpressions;
using DurableTask.AzureStorage;

namespace VoiceAgent.LocalFunctionsHost.Durable;

/// <summary>
/// The DurableTask.AzureStorage settings for the app's task hub, as the extension builds them from host.json
/// (<c>AzureStorageDurabilityProviderFactory</c>), plus what only a local host needs: lease timings that let a host
/// start in about a second and let a restarted one take over a crashed one's partition within seconds, and a worker id
/// of its own so two hosts on one hub (the duplicate tests) are two workers, not one.
/// </summary>
public static partial class TaskHubSettings
{
    /// <summary>How often the table partition manager renews and balances its leases (default 10 s).</summary>
    public static readonly TimeSpan LeaseAcquireInterval = TimeSpan.FromSeconds(1);

    /// <summary>How long a lease outlives its last renewal: a crashed host's partition is free this long after it died (default 30 s).</summary>
    public static readonly TimeSpan LeaseInterval = TimeSpan.FromSeconds(10);

    public static AzureStorageOrchestrationServiceSettings Create(DurableTaskHostOptions options, string connectionString, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        Validate(options);
        var storage = options.StorageProvider;
        return new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.HubName,
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            PartitionCount = storage.PartitionCount,
            MaxQueuePollingInterval = storage.MaxQueuePollingInterval,
            ControlQueueVisibilityTimeout = storage.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = storage.WorkItemQueueVisibilityTimeout,
            ControlQueueBatchSize = storage.ControlQueueBatchSize,
            ControlQueueBufferThreshold = storage.ControlQueueBufferThreshold,
            UseTablePartitionManagement = storage.UseTablePartitionManagement,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivityFunctions,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestratorFunctions,
            ThrowExceptionOnInvalidDedupeStatus = true, // as the extension: a refused start is an error, not silently dropped
            LeaseAcquireInterval = LeaseAcquireInterval,
            LeaseRenewInterval = LeaseAcquireInterval,
            LeaseInterval = LeaseInterval,
            WorkerId = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}",
            LoggerFactory = loggerFactory,
        };
    }

    /// <summary>Fails at start for what the extension would refuse, and for what only Azure can serve.</summary>
    public static void Validate(DurableTaskHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!HubNameRule().IsMatch(options.HubName))
        {
            throw new InvalidOperationException(
                $"Durable task hub name '{options.HubName}' (host.json extensions.durableTask.hubName, or {DurableTaskHostOptions.Section}:hubName): " +
                "3 to 45 letters and digits, starting with a letter.");
        }

        if (options.StorageProvider.ConnectionName is { Length: > 0 } connection && !connection.Equals("AzureWebJobsStorage", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException($"Durable storage connection '{connection}': the local host runs the task hub in the app's storage (AzureWebJobsStorage) only.");
        }

        if (options.StorageProvider.PartitionCount is < 1 or > 16)
        {
            throw new InvalidOperationException($"Durable partitionCount {options.StorageProvider.PartitionCount}: 1 to 16.");
        }

        if (options.StorageProvider.MaxQueuePollingInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Durable maxQueuePollingInterval must be positive.");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex HubNameRule();
}
