using VoiceAgent.CallSimulator.Scenarios;
using VoiceAgent.CallSimulator.Scenarios.Agents;

namespace VoiceAgent.Simulator.Tests.Scenarios.Agents;

/// <summary>Scenarios through the LLM agent against the stand-in model: the script's own checks join the scenario's.</summary>
public sealed class ScriptedModelAgentTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly HttpClient _http = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("model-scripts-").FullName;

    private static Scenario Transfer => ScenarioLoader.Parse("""
        name: asks-for-parts
        now: "2026-12-01T09:15:00-06:00"
        from: "+15555550177"
        caller: ["can I talk to someone in parts?"]
        expect:
          transferred_to: "+15555550198"
        """, "asks-for-parts.yaml");

    [Fact]
    public async Task RunAsync_ScriptPlayedExactly_PassesFromStorage()
    {
        await WriteScriptAsync("""
            scenario: asks-for-parts
            turns:
              - caller: "(?i)parts"
                steps:
                  - tool_calls: [ { name: transfer_to_human, arguments: { department: parts } } ]
                  - say: "Putting you through to parts."
            """);

        var result = await RunAsync(Transfer);

        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Reasons.Concat(result.ModelLog)));
    }

    [Fact]
    public async Task RunAsync_ScriptStepNeverPlayed_FailsNamingIt()
    {
        await WriteScriptAsync("""
            scenario: asks-for-parts
            turns:
              - caller: "(?i)parts"
                steps:
                  - tool_calls: [ { name: transfer_to_human, arguments: { department: parts } } ]
                  - say: "Putting you through to parts."
              - caller: "(?i)thanks"
                steps:
                  - say: "You're welcome."
            """);

        var result = await RunAsync(Transfer);

        Assert.Contains(result.Reasons, r => r.StartsWith("model script step never played: turn 2", StringComparison.Ordinal));
        Assert.NotEmpty(result.ModelLog);
    }

    [Fact]
    public async Task RunAsync_FallbackExpectedButNone_Fails()
    {
        await WriteScriptAsync("""
            fallback: expected
            scenario: asks-for-parts
            turns:
              - steps:
                  - tool_calls: [ { name: transfer_to_human, arguments: { department: parts } } ]
                  - say: "Putting you through to parts."
            """);

        var result = await RunAsync(Transfer);

        Assert.Contains(result.Reasons, r => r.Contains("never fell back", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_NoScript_FailsBeforeTheCall()
    {
        var result = await RunAsync(Transfer);

        Assert.StartsWith("no model script for asks-for-parts", Assert.Single(result.Reasons), StringComparison.Ordinal);
        Assert.Empty(result.Transcript);
    }

    private Task WriteScriptAsync(string yaml) => File.WriteAllTextAsync(Path.Combine(_folder, "asks-for-parts.yaml"), yaml);

    private Task<ScenarioResult> RunAsync(Scenario scenario) =>
        new ScenarioRunner(azurite.ConnectionString, _http, agent: new ScriptedModelAgent(_folder)).RunAsync(scenario, CancellationToken.None);

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
