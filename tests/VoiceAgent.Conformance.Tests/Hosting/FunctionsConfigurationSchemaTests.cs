using System.Text.Json.Nodes;
using VoiceAgent.Conformance.Tests.Infrastructure;

namespace VoiceAgent.Conformance.Tests.Hosting;

/// <summary>
/// host.json, every functions/*/function.json and local.settings.sample.json against the official SchemaStore schemas
/// (<c>&lt;repo root&gt;/../shared/schemas</c>), read with NJsonSchema through <see cref="OfficialSchemas"/>;
/// the Functions host itself cannot run here.
/// </summary>
public sealed class FunctionsConfigurationSchemaTests
{
    public static TheoryData<string> FunctionNames => [.. FunctionDirectories()];

    [Fact]
    public async Task HostJson_RepositoryRoot_ConformsToSchema() =>
        Assert.Empty(await OfficialSchemas.ValidateAsync("host.json", await ReadRepositoryFileAsync("host.json")));

    [Fact]
    public async Task HostJson_RepositoryRoot_ForwardsHttpToTheCustomHandlerUnderApi()
    {
        var host = JsonNode.Parse(await ReadRepositoryFileAsync("host.json"))!;

        Assert.Equal("2.0", host["version"]!.GetValue<string>());
        Assert.True(host["customHandler"]!["enableForwardingHttpRequest"]!.GetValue<bool>());
        Assert.Equal("api", host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
    }

    [Fact]
    public void FunctionDirectories_FunctionsFolder_HoldEveryWebhook() =>
        Assert.Superset(new HashSet<string> { "Health", "VoiceIncoming", "VoiceTurn", "VoiceStatus", "VoiceFallback" }, FunctionDirectories().ToHashSet());

    [Theory]
    [MemberData(nameof(FunctionNames))]
    public async Task FunctionJson_EachFunction_ConformsToSchema(string function) =>
        Assert.Empty(await OfficialSchemas.ValidateAsync("function.json", await ReadRepositoryFileAsync(Path.Combine("functions", function, "function.json"))));

    [Fact]
    public async Task LocalSettingsSample_RepositoryRoot_ConformsToSchema() =>
        Assert.Empty(await OfficialSchemas.ValidateAsync("local.settings.json", await ReadRepositoryFileAsync("local.settings.sample.json")));

    [Theory]
    [InlineData("version", "\"3.0\"")]
    [InlineData("functionTimeout", "\"five minutes\"")]
    [InlineData("customHandler", "{ \"description\": { \"defaultExecutablePath\": 42 }, \"enableForwardingHttpRequest\": \"yes\" }")]
    [InlineData("extensions", "{ \"http\": { \"routePrefix\": 7 } }")]
    public async Task HostJson_BrokenProperty_IsRejected(string property, string brokenValue)
    {
        var host = JsonNode.Parse(await ReadRepositoryFileAsync("host.json"))!.AsObject();
        host[property] = JsonNode.Parse(brokenValue);

        Assert.NotEmpty(await OfficialSchemas.ValidateAsync("host.json", host.ToJsonString()));
    }

    [Fact]
    public async Task FunctionJson_BindingWithUnknownDirection_IsRejected()
    {
        const string broken = """{ "bindings": [ { "type": "httpTrigger", "name": "req", "direction": "sideways" } ] }""";

        Assert.NotEmpty(await OfficialSchemas.ValidateAsync("function.json", broken));
    }

    [Fact]
    public async Task LocalSettings_UnknownWorkerRuntime_IsRejected()
    {
        const string broken = """{ "IsEncrypted": "no", "Values": { "FUNCTIONS_WORKER_RUNTIME": "cobol" } }""";

        Assert.NotEmpty(await OfficialSchemas.ValidateAsync("local.settings.json", broken));
    }

    private static string[] FunctionDirectories() =>
        [.. Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "functions"))
            .Where(directory => File.Exists(Path.Combine(directory, "function.json")))
            .Select(directory => Path.GetFileName(directory))
            .Order(StringComparer.Ordinal)];

    private static Task<string> ReadRepositoryFileAsync(string relativePath) =>
        File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, relativePath));
}
