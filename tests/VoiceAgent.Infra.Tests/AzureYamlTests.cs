using System.Text.Json.Nodes;

namespace VoiceAgent.Infra.Tests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class AzureYamlTests(CompiledTemplateFixture template)
{
    [Fact]
    public async Task AzureYaml_ValidatesAgainstOfficialSchema()
    {
        Assert.True(File.Exists(RepositoryPaths.AzureYamlSchema), $"Schema not found at {RepositoryPaths.AzureYamlSchema}.");
        Assert.True(
            Directory.Exists(Path.Combine(RepositoryPaths.Root, "node_modules", "ajv")),
            "node_modules/ajv is missing: run `npm ci` at the repository root.");

        var result = await ProcessRunner.RunAsync(
            "node",
            [RepositoryPaths.ValidateAzureYamlScript, RepositoryPaths.AzureYaml, RepositoryPaths.AzureYamlSchema],
            RepositoryPaths.Root,
            TimeSpan.FromMinutes(1));

        Assert.True(result.ExitCode == 0, "azure.yaml does not validate:\n" + result.Output);
        Assert.StartsWith("valid", result.StandardOutput.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("functions", "function-app", "function")]
    [InlineData("webpubsub-host", "webpubsub-host", "appservice")]
    public void Service_IsTaggedOnItsSiteAndPointsAtAProject(string service, string module, string host)
    {
        var yaml = new YamlDotNet.Serialization.DeserializerBuilder().Build()
            .Deserialize<Dictionary<string, object>>(File.ReadAllText(RepositoryPaths.AzureYaml));
        var services = (Dictionary<object, object>)yaml["services"];
        var entry = (Dictionary<object, object>)services[service];
        Assert.Equal(host, entry["host"]);
        Assert.Equal("dotnet", entry["language"]);
        Assert.True(Directory.Exists(Path.Combine(RepositoryPaths.Root, (string)entry["project"])));

        // azd finds the deployment target by the azd-service-name tag; main.bicep passes the service name to the module.
        var serviceName = template.Template["resources"]!.AsArray()
            .Single(r => (string?)r!["name"] == module)!["properties"]!["parameters"]!["serviceName"]!["value"]!.GetValue<string>();
        Assert.Equal(service, serviceName);
        var site = ArmTemplate.OfType(template.Module(module), "Microsoft.Web/sites").Single();
        Assert.Contains("azd-service-name", site["tags"]!.ToJsonString(), StringComparison.Ordinal);
    }
}
