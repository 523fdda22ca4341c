using VoiceAgent.LocalStack;

namespace VoiceAgent.LocalFunctionsHost.Tests.Publish;

/// <summary>
/// <c>dotnet publish functions -c Release</c> once for a test class, into a folder of its own: the package azd uploads
/// to the Flex deployment container. No restore: building this project restored the functions app already.
/// </summary>
public sealed class FunctionsPublishFixture : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("voiceagent-functions-publish-");
    private ProcessResult _publish = new(-1, string.Empty, "dotnet publish has not run.");

    /// <summary>The publish folder, once publish succeeded (else the test fails with what it printed).</summary>
    public string Output
    {
        get
        {
            Assert.True(_publish.ExitCode == 0, _publish.Output);
            return _output.FullName;
        }
    }

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot.Find();
        _publish = await ProcessRunner.RunAsync(
            "dotnet",
            ["publish", Path.Combine(root, "functions", "VoiceAgent.Functions.csproj"), "-c", "Release", "-o", _output.FullName, "--no-restore", "--nologo"],
            root,
            Timeout);
    }

    public Task DisposeAsync()
    {
        _output.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
