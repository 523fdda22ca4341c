using VoiceAgent.CallSimulator.Cli;
using VoiceAgent.CallSimulator.Scenarios;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Simulator.Tests.Scenarios;

/// <summary>
/// End to end: the real webhook app in-process, real Azurite, signed requests, storage-based checks. These are the
/// runner's own behaviours (what a failure says, a scenario with no inbound call, the command's counts). The scenario
/// folders themselves (../shared/scenarios, tests/scenarios and their workflows) are played by tools/scenarios, which
/// tools/test runs: playing them here too only doubled the test command's longest part.
/// </summary>
public sealed class ScenarioRunnerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly HttpClient _http = new();

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
    public async Task RunAsync_RelayTransport_TheCallRunsOverConversationRelayAndBooks()
    {
        var scenario = await ScenarioLoader.LoadAsync(SharedScenarios.File("01-book-known-caller.yaml"), CancellationToken.None);

        var result = await new ScenarioRunner(azurite.ConnectionString, _http, transport: CallTransport.Relay).RunAsync(scenario, CancellationToken.None);

        Assert.True(result.Passed, string.Join("; ", result.Reasons));
        var lines = result.Transcript.Select(l => l.ToString()).ToList();
        Assert.Contains("[connected to the real-time host (ConversationRelay)]", lines);
        // The booking was read back and confirmed on the socket, then the session handed the call back to Twilio.
        Assert.True(lines.IndexOf("[connected to the real-time host (ConversationRelay)]") < lines.FindIndex(l => l.Contains("all set", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task RunAsync_StreamTransport_TheCallerSpeaksOverAMediaStreamAndBooks()
    {
        var scenario = await ScenarioLoader.LoadAsync(SharedScenarios.File("01-book-known-caller.yaml"), CancellationToken.None);

        var result = await new ScenarioRunner(azurite.ConnectionString, _http, transport: CallTransport.Stream).RunAsync(scenario, CancellationToken.None);

        Assert.True(result.Passed, string.Join("; ", result.Reasons));
        var lines = result.Transcript.Select(l => l.ToString()).ToList();
        var connected = lines.IndexOf("[connected to the real-time host (Media Stream)]");
        Assert.True(connected > 0, string.Join(Environment.NewLine, lines));
        // The agent's words after the caller's spoken request came back as live call events: the read-back, then the booking.
        Assert.True(connected < lines.FindIndex(l => l.Contains("all set", StringComparison.OrdinalIgnoreCase)), string.Join(Environment.NewLine, lines));
        Assert.DoesNotContain(lines, l => l.Contains("ConversationRelay", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_CallerCutsIntoARelayReply_TheTranscriptKeepsWhatWasHeardAndTheCallBooks()
    {
        var lines = await PlayCutInAsync(CallTransport.Relay);

        // 0.4 s of the reply at 15 characters a second, cut at a word.
        Assert.Equal("Agent: We're [interrupted]", lines[lines.IndexOf("Caller: What are your hours?") + 1]);
    }

    /// <summary>
    /// The caller's audio goes out over the reply 0.4 s into it, in real time, and the host's VAD must hear it before the
    /// reply's tone (1.3 s) is over: timing a 2-core machine busy with the other test projects cannot keep, so it runs
    /// with the other real-time calls, alone (tools/test).
    /// </summary>
    [Fact]
    [Trait("Category", "RealTime")]
    public async Task RunAsync_CallerCutsIntoAStreamReply_TheTranscriptKeepsWhatTheHostSaysWasHeardAndTheCallBooks()
    {
        var lines = await PlayCutInAsync(CallTransport.Stream);

        // What was heard comes from the host's barge-in event (the marks): the first sentence's audio is 0.84 s long.
        Assert.Equal("Agent: [interrupted] before a word was heard", lines[lines.IndexOf("Caller: What are your hours?") + 1]);
    }

    /// <summary>
    /// Plays tests/scenarios/realtime/cut-in-hours-answer-then-books.yaml; checks it passed and that the hours answer was
    /// cut (the line spoken over it is the next turn). Returns the transcript's lines.
    /// </summary>
    private async Task<List<string>> PlayCutInAsync(CallTransport transport)
    {
        var file = Path.Combine(VoiceAgent.LocalStack.RepositoryRoot.Find(), "tests", "scenarios", "realtime", "cut-in-hours-answer-then-books.yaml");
        var scenario = await ScenarioLoader.LoadAsync(file, CancellationToken.None);

        var result = await new ScenarioRunner(azurite.ConnectionString, _http, transport: transport).RunAsync(scenario, CancellationToken.None);

        var lines = result.Transcript.Select(l => l.ToString()).ToList();
        var transcript = string.Join(Environment.NewLine, lines);
        Assert.True(result.Passed, string.Join("; ", result.Reasons) + Environment.NewLine + transcript);
        var asked = lines.IndexOf("Caller: What are your hours?");
        Assert.True(asked > 0, transcript);
        Assert.Contains(VoiceAgent.CallSimulator.Telephony.InterruptedReply.Marker, lines[asked + 1], StringComparison.Ordinal);
        Assert.DoesNotContain("anything else", lines[asked + 1], StringComparison.Ordinal);
        Assert.Equal("Caller: Actually, I'd like to book an oil change tomorrow at 9 am", lines[asked + 2]);
        return lines;
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
    public async Task RunAsync_NoInboundCall_ChecksWhatTheStandInAndTheBookHold()
    {
        var scenario = ScenarioLoader.Parse("""
            name: given-only
            now: "2026-12-01T09:15:00-06:00"
            from: "+15555550102"
            given:
              - { customer: "+15555550102", service: tire rotation, start: "2026-12-09T10:00:00-06:00" }
            expect:
              texts: []
              calls_to_caller: 0
              reminder: none
            """, "given-only.yaml");

        var result = await new ScenarioRunner(azurite.ConnectionString, _http).RunAsync(scenario, CancellationToken.None);

        Assert.True(result.Passed, Explain(result));
        Assert.Empty(result.Transcript);
    }

    [Fact]
    public async Task RunAsync_WorkflowExpectationsTheStandInContradicts_FailsWithReasons()
    {
        var scenario = ScenarioLoader.Parse("""
            name: expects-what-never-happens
            now: "2026-12-01T09:15:00-06:00"
            from: "+15555550102"
            given:
              - { customer: "+15555550102", service: tire rotation, start: "2026-12-09T10:00:00-06:00" }
            expect:
              texts: ["(?i)tire rotation"]
              calls_to_caller: 1
              reminder: confirmed
            """, "contradicted.yaml");

        var result = await new ScenarioRunner(azurite.ConnectionString, _http).RunAsync(scenario, CancellationToken.None);

        Assert.Contains("expected 1 text to the caller, but the Twilio stand-in shows 0 texts", result.Reasons);
        Assert.Contains("expected 1 call to the caller, but the Twilio stand-in shows 0 calls", result.Reasons);
        Assert.Contains("expected reminder confirmed, but the appointment (tire rotation at 2026-12-09T16:00Z) shows none after 0 attempts", result.Reasons);
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

    private static string Explain(ScenarioResult result) =>
        string.Join(Environment.NewLine, result.Reasons.Concat(result.Transcript.Select(l => l.ToString())).Concat(result.AfterTheCall).Concat(result.AppLog));

    public void Dispose() => _http.Dispose();
}
