using VoiceAgent.CallSimulator.Scenarios;
using VoiceAgent.CallSimulator.Scenarios.Agents;

namespace VoiceAgent.Simulator.Tests.Scenarios.Agents;

public sealed class ModelScriptFileTests : IDisposable
{
    private const string OneTurn = """
        scenario: some-scenario
        turns:
          - caller: "(?i)hello"
            steps:
              - say: "Hi there."
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("model-scripts-").FullName;

    [Fact]
    public void Parse_FallbackExpected_ReadsItAndTheStandInScriptKeepsItsLines()
    {
        var file = ModelScriptFile.Parse("fallback: expected   # the model is down\n" + OneTurn, "s.yaml");

        Assert.True(file.FallbackExpected);
        Assert.Equal("some-scenario", file.Script.Scenario);
        Assert.Equal(4, file.Script.Turns[0].Line);
    }

    [Fact]
    public void Parse_NoFallbackKey_FallbackNotExpected()
    {
        Assert.False(ModelScriptFile.Parse(OneTurn, "s.yaml").FallbackExpected);
    }

    [Theory]
    [InlineData("fallback: maybe\n")]
    [InlineData("fallback: expected\nfallback: expected\n")]
    public void Parse_FallbackOtherThanOnceExpected_Throws(string header)
    {
        var ex = Assert.Throws<ScenarioFileException>(() => ModelScriptFile.Parse(header + OneTurn, "s.yaml"));

        Assert.Contains("fallback: expected", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownStandInKey_ThrowsNamingTheFile()
    {
        var ex = Assert.Throws<ScenarioFileException>(() => ModelScriptFile.Parse("fallbak: expected\n" + OneTurn, "s.yaml"));

        Assert.StartsWith("s.yaml:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindAsync_NoFileForTheName_ReturnsNull()
    {
        Assert.Null(await ModelScriptFile.FindAsync(_folder, "some-scenario", CancellationToken.None));
    }

    [Fact]
    public async Task FindAsync_ScriptWrittenForAnotherScenario_Throws()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "other-scenario.yaml"), OneTurn);

        var ex = await Assert.ThrowsAsync<ScenarioFileException>(() => ModelScriptFile.FindAsync(_folder, "other-scenario", CancellationToken.None));

        Assert.Contains("it is the script of other-scenario", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
