using VoiceAgent.CallSimulator.Cli;
using VoiceAgent.CallSimulator.Scenarios;

namespace VoiceAgent.Simulator.Tests.Scenarios;

/// <summary>End to end: the real webhook app in-process, real Azurite, signed requests, storage-based checks.</summary>
public sealed class ScenarioRunnerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly HttpClient _http = new();

    [Theory]
    [InlineData("02-hours-question.yaml")]
    [InlineData("06-transfer.yaml")]
    public async Task RunAsync_SharedScenario_Passes(string file)
    {
        var scenario = await ScenarioLoader.LoadAsync(SharedScenarios.File(file), CancellationToken.None);

        var result = await new ScenarioRunner(azurite.ConnectionString, _http).RunAsync(scenario, CancellationToken.None);

        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Reasons.Concat(result.Transcript.Select(l => l.ToString()))));
    }

    [Fact]
    public async Task RunAsync_ProjectScenarios_AllPass()
    {
        var runner = new ScenarioRunner(azurite.ConnectionString, _http);
        foreach (var file in ScenarioLoader.ExpandPaths([Path.Combine(VoiceAgent.LocalStack.RepositoryRoot.Find(), "tests", "scenarios")]))
        {
            var result = await runner.RunAsync(await ScenarioLoader.LoadAsync(file, CancellationToken.None), CancellationToken.None);

            Assert.True(result.Passed, $"{file}: {string.Join("; ", result.Reasons)}");
        }
    }

    [Fact]
    public async Task RunAsync_ExpectationStorageContradicts_FailsWithReasons()
    {
        var scenario = ScenarioLoader.Parse("""
            name: wrong-department
            now: "2026-12-01T09:15:00-06:00"
            from: "+15555550177"
            caller: ["Can I just talk to a real person please?"]
            expect:
              transferred_to: "+15555550198"
              said: ["(?i)parts counter"]
            """, "wrong-department.yaml");

        var result = await new ScenarioRunner(azurite.ConnectionString, _http).RunAsync(scenario, CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains("expected a transfer to +15555550198, but storage shows a transfer to +15555550199", result.Reasons);
        Assert.Contains(result.Reasons, r => r.Contains("parts counter", StringComparison.Ordinal));
        Assert.Equal("[transferred to +15555550199]", result.Transcript[^1].ToString());
    }

    [Fact]
    public async Task RunAsync_BookingScenario_PassesFromWhatStorageHolds()
    {
        var scenario = await ScenarioLoader.LoadAsync(SharedScenarios.File("01-book-known-caller.yaml"), CancellationToken.None);

        var result = await new ScenarioRunner(azurite.ConnectionString, _http).RunAsync(scenario, CancellationToken.None);

        Assert.True(result.Passed, string.Join("; ", result.Reasons));
    }

    [Fact]
    public async Task RunAsync_BookingExpectedAtAnotherTime_FailsNamingWhatStorageHolds()
    {
        var scenario = await ScenarioLoader.LoadAsync(SharedScenarios.File("01-book-known-caller.yaml"), CancellationToken.None);
        var wrong = scenario with { Expect = scenario.Expect with { Booked = [new ExpectedBooking("oil change", new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(-6)))] } };

        var result = await new ScenarioRunner(azurite.ConnectionString, _http).RunAsync(wrong, CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains("expected booked [oil change at 2026-12-02T16:00Z], but storage shows [oil change at 2026-12-02T15:00Z]", result.Reasons);
    }

    [Fact]
    public async Task ScenariosCommand_PassingAndUnreadableFiles_CountsBothAndExitsNonZero()
    {
        var output = new StringWriter();
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.yaml");

        var exitCode = await ScenariosCommand.RunAsync(["--storage", azurite.ConnectionString, SharedScenarios.File("06-transfer.yaml"), missing], output, CancellationToken.None);

        var lines = output.ToString().TrimEnd().Split(Environment.NewLine);
        Assert.Equal(1, exitCode);
        Assert.StartsWith("PASS caller-asks-for-a-person", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("FAIL ", StringComparison.Ordinal) && l.Contains(Path.GetFileName(missing), StringComparison.Ordinal));
        Assert.Equal("1 passed, 1 failed", lines[^1]);
    }

    public void Dispose() => _http.Dispose();
}
