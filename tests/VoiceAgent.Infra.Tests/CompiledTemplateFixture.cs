using System.Text.Json.Nodes;

namespace VoiceAgent.Infra.Tests;

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

    /// <summary>The parameter values main.bicep passes to the module deployed under <paramref name="deploymentName"/>.</summary>
    public JsonObject ModuleParameters(string deploymentName) =>
        Template["resources"]!.AsArray().SingleOrDefault(r => (string?)r!["name"] == deploymentName)?["properties"]?["parameters"]?.AsObject()
        ?? throw new InvalidOperationException($"main.bicep has no module deployment named '{deploymentName}'.");

    /// <summary>The value expression main.bicep passes as <paramref name="parameter"/> to the module <paramref name="deploymentName"/>.</summary>
    public string ModuleParameter(string deploymentName, string parameter) =>
        (string?)ModuleParameters(deploymentName)[parameter]?["value"]
        ?? throw new InvalidOperationException($"main.bicep passes no string '{parameter}' to '{deploymentName}'.");
}
