using System.Text.Json.Nodes;
using VoiceAgent.Conformance.Tests.Infrastructure;

namespace VoiceAgent.Conformance.Tests.Hosting;

/// <summary>
/// host.json and local.settings.sample.json against the official SchemaStore schemas (<c>&lt;repo root&gt;/../shared/schemas</c>),
/// read with NJsonSchema through <see cref="OfficialSchemas"/>; the Functions host itself cannot run here. The app is an
/// isolated-worker app: the worker SDK generates <c>functions.metadata</c>, so there are no function.json files to check.
/// </summary>
public sealed class FunctionsConfigurationSchemaTests
{
    [Fact]
    public async Task HostJson_RepositoryRoot_ConformsToSchema() =>
        Assert.Empty(await OfficialSchemas.ValidateAsync("host.json", await ReadRepositoryFileAsync("host.json")));

    [Fact]
    public async Task HostJson_RepositoryRoot_IsVersion2WithoutCustomHandlerAndRoutesUnderApi()
    {
        var host = JsonNode.Parse(await ReadRepositoryFileAsync("host.json"))!.AsObject();

        Assert.Equal("2.0", host["version"]!.GetValue<string>());
        Assert.False(host.ContainsKey("customHandler"));
        Assert.Equal("api", host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
    }

    [Fact]
    public async Task LocalSettingsSample_RepositoryRoot_ConformsToSchema() =>
        Assert.Empty(await OfficialSchemas.ValidateAsync("local.settings.json", await ReadRepositoryFileAsync("local.settings.sample.json")));

    [Theory]
    [InlineData("version", "\"3.0\"")]
    [InlineData("functionTimeout", "\"five minutes\"")]
    [InlineData("logging", "{ \"logLevel\": { \"default\": \"Loud\" } }")]
    [InlineData("extensions", "{ \"http\": { \"routePrefix\": 7 } }")]
    public async Task HostJson_BrokenProperty_IsRejected(string property, string brokenValue)
    {
        var host = JsonNode.Parse(await ReadRepositoryFileAsync("host.json"))!.AsObject();
        host[property] = JsonNode.Parse(brokenValue);

        Assert.NotEmpty(await OfficialSchemas.ValidateAsync("host.json", host.ToJsonString()));
    }

    [Fact]
    public async Task LocalSettings_UnknownWorkerRuntime_IsRejected()
    {
        const string broken = """{ "IsEncrypted": "no", "Values": { "FUNCTIONS_WORKER_RUNTIME": "cobol" } }""";

        Assert.NotEmpty(await OfficialSchemas.ValidateAsync("local.settings.json", broken));
    }

    private static Task<string> ReadRepositoryFileAsync(string relativePath) =>
        File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, relativePath));
}
