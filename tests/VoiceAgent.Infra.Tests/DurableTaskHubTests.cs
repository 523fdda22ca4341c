using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace VoiceAgent.Infra.Tests;

/// <summary>
/// host.json's Durable settings (issue 9 acceptance: the task hub name and the storage-provider settings that matter)
/// and how they meet infra: the task hub lives in the AzureWebJobsStorage account the identity has roles on, and the
/// tables Durable creates there never collide with the app's. The official schema check is in the conformance tests.
/// </summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed partial class DurableTaskHubTests(CompiledTemplateFixture template)
{
    /// <summary>Tables DurableTask.AzureStorage creates in the account, after the hub name (History, Instances; Partitions with table partition management).</summary>
    private static readonly string[] DurableTableSuffixes = ["History", "Instances", "Partitions"];

    [Fact]
    public void HubName_IsSet_AndIsAValidAzureStorageTaskHubName()
    {
        var hubName = (string?)DurableTask()["hubName"];

        Assert.NotNull(hubName);
        // Azure Storage task hubs: letters and digits, starting with a letter, 3 to 45 characters (queue, table and
        // container names are derived from it).
        Assert.Matches(TaskHubName(), hubName);
    }

    /// <summary>
    /// A text should follow a call within seconds. DurableTask.AzureStorage backs off polling an idle queue up to
    /// maxQueuePollingInterval (30 s by default), so the first message after a quiet spell can wait that long.
    /// </summary>
    [Fact]
    public void MaxQueuePollingInterval_IsAFewSeconds()
    {
        var interval = TimeSpan.ParseExact((string)StorageProvider()["maxQueuePollingInterval"]!, @"hh\:mm\:ss", CultureInfo.InvariantCulture);

        Assert.InRange(interval, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
    }

    /// <summary>
    /// The task hub stays in the AzureWebJobsStorage account (identity-based, with the three roles storage.bicep grants):
    /// no other connection, no separate tracking store. The partition count, fixed when a hub is created, stays the
    /// default unless a valid value is set on purpose.
    /// </summary>
    [Fact]
    public void StorageProvider_UsesAzureWebJobsStorage_AndAValidPartitionCount()
    {
        var provider = StorageProvider();

        Assert.False(provider.ContainsKey("connectionStringName"), "the task hub must use AzureWebJobsStorage (connectionName), the account infra grants roles on");
        Assert.False(provider.ContainsKey("connectionName"));
        Assert.False(provider.ContainsKey("trackingStoreConnectionStringName"));
        if (provider["partitionCount"] is { } partitions)
        {
            Assert.InRange(partitions.GetValue<int>(), 1, 16);
        }

        Assert.Equal("[parameters('storageAccountName')]", (string?)ArmTemplate.AppSettings(template.Module("function-app"))["AzureWebJobsStorage__accountName"]);
    }

    /// <summary>.NET brings its extensions in the build output; an extension bundle is for other languages (protocols.md §6).</summary>
    [Fact]
    public void HostJson_HasNoExtensionBundle()
    {
        Assert.False(HostJson().ContainsKey("extensionBundle"));
    }

    /// <summary>
    /// Durable creates its own tables in the same account as the app's; an app table named like one of them would be
    /// shared by both. Checked against the Bicep table names and StorageOptions' defaults.
    /// </summary>
    [Fact]
    public void DurableTables_NeverCollideWithAppTables()
    {
        var hubName = (string)DurableTask()["hubName"]!;
        var appTables = template.Template["variables"]!["tableNames"]!.AsObject().Select(t => (string)t.Value!)
            .Concat(new VoiceAgent.Core.Storage.StorageOptions().TableNames().Select(t => t.Name))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.NotEmpty(appTables);
        foreach (var suffix in DurableTableSuffixes)
        {
            Assert.DoesNotContain(hubName + suffix, appTables);
        }
    }

    /// <summary>
    /// Each azd environment has its own storage account, so host.json's hub name serves every environment. The
    /// override the host reads (AzureFunctionsJobHost__extensions__durableTask__hubName) is for sharing an account
    /// (tests, slots) and stays out of infra; so does any setting pointing Durable at another connection.
    /// </summary>
    [Fact]
    public void Infra_LeavesTheTaskHubToHostJson()
    {
        foreach (var app in new[] { "function-app", "webpubsub-host" })
        {
            var overrides = ArmTemplate.AppSettings(template.Module(app)).Select(s => s.Key)
                .Where(key => key.StartsWith("AzureFunctionsJobHost__extensions__durableTask", StringComparison.OrdinalIgnoreCase))
                .ToList();

            Assert.Empty(overrides);
        }
    }

    private static JsonObject HostJson() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "host.json")))!.AsObject();

    private static JsonObject DurableTask() =>
        HostJson()["extensions"]?["durableTask"]?.AsObject() ?? throw new InvalidOperationException("host.json has no extensions.durableTask.");

    private static JsonObject StorageProvider() =>
        DurableTask()["storageProvider"]?.AsObject() ?? throw new InvalidOperationException("host.json has no extensions.durableTask.storageProvider.");

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex TaskHubName();
}
