using Azure.Data.Tables;
using VoiceAgent.LocalFunctionsHost.Durable;
using VoiceAgent.LocalFunctionsHost.Tests.Hosting;

namespace VoiceAgent.LocalFunctionsHost.Tests.Durable;

/// <summary>
/// The task hub comes from host.json (<c>extensions.durableTask.hubName</c>), an app setting overrides it as the
/// Functions host allows, and a host can delete its hub when its run is over.
/// </summary>
[Collection(DurableCollection.Name)]
public sealed class TaskHubSettingsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task HubName_FromHostJson_IsTheHubTheHostRuns()
    {
        var hub = DurableTestMetadata.NewHubName();
        await using var host = await DurableHost.StartAsync(azurite, hubName: hub);

        Assert.Equal(hub, host.HubName());
        Assert.True(await TableExistsAsync(hub + "Instances"));
    }

    [Fact]
    public async Task HubName_AppSettingOverridesHostJson_TheSettingWins()
    {
        var fromHostJson = DurableTestMetadata.NewHubName();
        var fromSetting = DurableTestMetadata.NewHubName();
        await using var host = await DurableHost.StartAsync(
            azurite,
            hubName: fromHostJson,
            settings: new Dictionary<string, string?> { ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = fromSetting });

        Assert.Equal(fromSetting, host.HubName());
        Assert.True(await TableExistsAsync(fromSetting + "Instances"));
        Assert.False(await TableExistsAsync(fromHostJson + "Instances"));
    }

    [Fact]
    public void HubName_NotAValidTaskHubName_FailsAtStart()
    {
        var folder = Directory.CreateTempSubdirectory("voiceagent-localhost-tests-");
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => TestFunctionsHost.Create(
                folder.FullName,
                DurableTestMetadata.Workflows,
                hostJson: DurableTestMetadata.HostJson("my-hub"),
                settings: new Dictionary<string, string?> { [DurableSidecar.ConnectionStringSetting] = azurite.ConnectionString }));

            Assert.Contains("'my-hub'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task DeleteTaskHub_AfterARun_RemovesItsTables()
    {
        var hub = DurableTestMetadata.NewHubName();
        await using var host = await DurableHost.StartAsync(azurite, hubName: hub);
        var id = await host.Workflows().ScheduleNewOrchestrationInstanceAsync(nameof(WorkflowFunctions.Greet), new Visitor("Ada", 1));
        await host.Workflows().CompletionAsync(id);

        await host.Host.DeleteTaskHubAsync(CancellationToken.None);

        Assert.False(await TableExistsAsync(hub + "Instances"));
        Assert.False(await TableExistsAsync(hub + "History"));
    }

    [Fact]
    public async Task NoDurableFunctions_NoEngine()
    {
        await using var host = await TestFunctionsHost.StartAsync(TestFunctionsMetadata.Http);

        Assert.Null(host.Host.Workflows);
        Assert.True(await host.Host.WaitForWorkflowsQuietAsync(TimeSpan.Zero, CancellationToken.None));
    }

    private async Task<bool> TableExistsAsync(string name)
    {
        var tables = new TableServiceClient(azurite.ConnectionString);
        await foreach (var _ in tables.QueryAsync(t => t.Name == name))
        {
            return true;
        }

        return false;
    }
}
