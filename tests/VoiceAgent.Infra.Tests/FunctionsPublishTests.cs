using System.Text.Json.Nodes;

namespace VoiceAgent.Infra.Tests;

/// <summary>`dotnet publish functions` produces the package the Functions host (Flex Consumption) needs.</summary>
public sealed class FunctionsPublishTests : IAsyncLifetime
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "voiceagent-functions-publish-" + Guid.NewGuid().ToString("N"));
    private ProcessResult _publish = new(-1, string.Empty, string.Empty);

    public async Task InitializeAsync() =>
        _publish = await ProcessRunner.RunAsync(
            "dotnet",
            ["publish", Path.Combine(RepositoryPaths.Root, "functions", "VoiceAgent.Functions.csproj"), "-c", "Release", "-o", _output, "--nologo"],
            RepositoryPaths.Root,
            TimeSpan.FromMinutes(5));

    public Task DisposeAsync()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public void Publish_Output_HasTheCustomHandlerLayout()
    {
        Assert.True(_publish.ExitCode == 0, _publish.Output);

        // host.json at the root, starting our dll with `dotnet`.
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(_output, "host.json")))!;
        var description = hostJson["customHandler"]!["description"]!;
        Assert.Equal("dotnet", (string?)description["defaultExecutablePath"]);
        var entry = (string?)description["arguments"]![0] ?? string.Empty;
        Assert.Equal("VoiceAgent.Functions.dll", entry);
        Assert.True(File.Exists(Path.Combine(_output, entry)));
        Assert.True(File.Exists(Path.Combine(_output, "VoiceAgent.Functions.runtimeconfig.json")));

        // Flex Consumption deployment of a custom handler expects .azurefunctions/.
        Assert.True(File.Exists(Path.Combine(_output, ".azurefunctions", "empty.txt")));

        // One folder per function, each with its function.json: exactly the function folders of the source.
        var source = FunctionFolders(Path.Combine(RepositoryPaths.Root, "functions"));
        var published = FunctionFolders(_output);
        Assert.NotEmpty(source);
        Assert.Equal(source, published);
        foreach (var function in published)
        {
            var bindings = JsonNode.Parse(File.ReadAllText(Path.Combine(_output, function, "function.json")))!["bindings"]!.AsArray();
            Assert.NotEmpty(bindings);
        }
    }

    private static string[] FunctionFolders(string root) =>
        Directory.GetDirectories(root)
            .Where(dir => File.Exists(Path.Combine(dir, "function.json")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToArray();
}
