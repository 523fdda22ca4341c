using System.Text.Json.Nodes;

namespace VoiceAgent.LocalFunctionsHost.Tests.Routing;

/// <summary>infra/main.bicep compiled once for a test class.</summary>
public sealed class MainBicepFixture : IAsyncLifetime
{
    public JsonObject Template { get; private set; } = [];

    public async Task InitializeAsync() => Template = JsonNode.Parse(await BicepCompiler.BuildMainJsonAsync())!.AsObject();

    public Task DisposeAsync() => Task.CompletedTask;
}
