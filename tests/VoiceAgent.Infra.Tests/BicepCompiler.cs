using System.Text.Json.Nodes;

namespace VoiceAgent.Infra.Tests;

/// <summary>The real Bicep compiler (NuGet Azure.Bicep.CommandLine.linux-x64), run as a process.</summary>
internal static class BicepCompiler
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static Task<ProcessResult> BuildAsync(string bicepFile, string outputFile) =>
        RunAsync("build", bicepFile, "--outfile", outputFile);

    public static Task<ProcessResult> LintAsync(string bicepFile) => RunAsync("lint", bicepFile);

    private static async Task<ProcessResult> RunAsync(params string[] arguments)
    {
        var bicep = RepositoryPaths.BicepExecutable;
        Assert.True(File.Exists(bicep), $"The Bicep compiler is not at {bicep}: restore the test project (it downloads the package).");
        if (OperatingSystem.IsLinux() && !File.GetUnixFileMode(bicep).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(bicep, File.GetUnixFileMode(bicep) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return await ProcessRunner.RunAsync(bicep, arguments, RepositoryPaths.Infra, Timeout);
    }
}

/// <summary>infra/main.bicep compiled once per test run (ARM JSON), shared by the template tests.</summary>
public sealed class CompiledTemplateFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "voiceagent-infra-" + Guid.NewGuid().ToString("N"));

    public JsonObject Template { get; private set; } = new();

    public string Json { get; private set; } = string.Empty;

    internal ProcessResult Build { get; private set; } = new(-1, string.Empty, string.Empty);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var output = Path.Combine(_folder, "main.json");
        Build = await BicepCompiler.BuildAsync(RepositoryPaths.MainBicep, output);
        if (Build.ExitCode != 0)
        {
            throw new InvalidOperationException("bicep build failed:\n" + Build.Output);
        }

        Json = await File.ReadAllTextAsync(output);
        Template = JsonNode.Parse(Json)!.AsObject();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>The template of the module deployed under <paramref name="deploymentName"/> (main.bicep's <c>name:</c>).</summary>
    public JsonObject Module(string deploymentName) =>
        ArmTemplate.Resources(Template)
            .SingleOrDefault(r => (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == deploymentName)?["properties"]?["template"]?.AsObject()
        ?? throw new InvalidOperationException($"main.bicep has no module deployment named '{deploymentName}'.");
}

[CollectionDefinition(Name)]
public sealed class CompiledTemplateCollection : ICollectionFixture<CompiledTemplateFixture>
{
    public const string Name = "compiled template";
}
