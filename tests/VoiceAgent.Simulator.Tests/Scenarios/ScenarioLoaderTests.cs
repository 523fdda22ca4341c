using VoiceAgent.CallSimulator.Scenarios;

namespace VoiceAgent.Simulator.Tests.Scenarios;

public sealed class ScenarioLoaderTests
{
    private const string Minimal = """
        name: minimal
        now: "2026-12-01T09:15:00-06:00"
        from: "+15555550101"
        """;

    [Fact]
    public void Parse_NoExpect_DefaultsToNothingBookedCancelledOrTransferred()
    {
        var scenario = ScenarioLoader.Parse(Minimal, "minimal.yaml");

        Assert.Empty(scenario.Expect.Booked);
        Assert.Empty(scenario.Expect.Cancelled);
        Assert.Null(scenario.Expect.TransferredTo);
        Assert.Empty(scenario.Expect.Said);
        Assert.Empty(scenario.Given);
        Assert.Empty(scenario.Caller);
    }

    [Fact]
    public void Parse_ExpectWithOnlySaid_DefaultsTheOtherKeys()
    {
        var scenario = ScenarioLoader.Parse(Minimal + "\nexpect:\n  said: [\"(?i)john\"]\n", "said.yaml");

        Assert.Empty(scenario.Expect.Booked);
        Assert.Empty(scenario.Expect.Cancelled);
        Assert.Null(scenario.Expect.TransferredTo);
        Assert.Matches(Assert.Single(scenario.Expect.Said), "Thanks, JOHN");
    }

    [Fact]
    public void Parse_ExplicitNullTransfer_IsNotTransferred()
    {
        var scenario = ScenarioLoader.Parse(Minimal + "\nexpect:\n  transferred_to: null\n  cancelled: []\n", "null.yaml");

        Assert.Null(scenario.Expect.TransferredTo);
        Assert.Empty(scenario.Expect.Cancelled);
    }

    [Fact]
    public void Parse_EveryKey_ReadsValuesWithOffsets()
    {
        var yaml = Minimal + """

            given:
              - { customer: "+15555550102", service: oil change, start: "2026-12-02T09:00:00-06:00" }
            caller:
              - "Hi"
              - ""
              - "4 3 2 1"
            expect:
              booked:
                - { service: oil change, start: "2026-12-02T09:30:00-06:00" }
              cancelled: ["2026-12-03T10:00:00-06:00"]
              transferred_to: "+15555550199"
            """;

        var scenario = ScenarioLoader.Parse(yaml, "full.yaml");

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 15, 0, TimeSpan.FromHours(-6)), scenario.Now);
        Assert.Equal(new GivenAppointment("+15555550102", "oil change", new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(-6))), Assert.Single(scenario.Given));
        Assert.Equal(["Hi", "", "4 3 2 1"], scenario.Caller);
        Assert.Equal(new ExpectedBooking("oil change", new DateTimeOffset(2026, 12, 2, 9, 30, 0, TimeSpan.FromHours(-6))), Assert.Single(scenario.Expect.Booked));
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(-6)), Assert.Single(scenario.Expect.Cancelled));
        Assert.Equal("+15555550199", scenario.Expect.TransferredTo);
    }

    [Theory]
    [InlineData("now: \"2026-12-01T09:15:00-06:00\"\nfrom: \"+15555550101\"", "'name' is required")]
    [InlineData("name: x\nnow: \"2026-12-01T09:15:00\"\nfrom: \"+15555550101\"", "with an offset")]
    [InlineData("name: x\nnow: \"2026-12-01T09:15:00-06:00\"\nfrom: \"hello\"", "not a phone number")]
    [InlineData("name: x\nnow: \"2026-12-01T09:15:00-06:00\"\nfrom: \"+15555550101\"\nexpect:\n  said: [\"(unclosed\"]", "not a valid regular expression")]
    [InlineData("name: x\nnow: \"2026-12-01T09:15:00-06:00\"\nfrom: \"+15555550101\"\nexpected:\n  said: []", "bad.yaml:4:1: not a valid scenario: unknown key 'expected'")]
    [InlineData("name: [x\n", "bad.yaml:")]
    [InlineData("", "empty")]
    public void Parse_InvalidScenario_ThrowsNamingTheFileAndProblem(string yaml, string message)
    {
        var ex = Assert.Throws<ScenarioFileException>(() => ScenarioLoader.Parse(yaml, "bad.yaml"));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("bad.yaml", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_MissingFile_ThrowsScenarioFileException()
    {
        var ex = await Assert.ThrowsAsync<ScenarioFileException>(() => ScenarioLoader.LoadAsync("no/such/scenario.yaml", CancellationToken.None));

        Assert.Contains("no/such/scenario.yaml", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_SharedScenarios_AllLoad()
    {
        var files = ScenarioLoader.ExpandPaths([SharedScenarios.Folder]);

        Assert.Contains(files, f => f.EndsWith("06-transfer.yaml", StringComparison.Ordinal));
        Assert.Equal(files.Order(StringComparer.Ordinal), files);
        foreach (var file in files)
        {
            var scenario = await ScenarioLoader.LoadAsync(file, CancellationToken.None);
            Assert.False(string.IsNullOrEmpty(scenario.Name));
        }
    }
}
