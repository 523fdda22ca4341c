using VoiceAgent.CallSimulator.Scenarios;
using VoiceAgent.CallSimulator.Telephony;
using VoiceAgent.TwilioApiStandIn.Voice;

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
        Assert.Null(scenario.Expect.Texts);
        Assert.Null(scenario.Expect.CallsToCaller);
        Assert.Null(scenario.Expect.Reminder);
        Assert.Empty(scenario.Then);
    }

    [Fact]
    public void Parse_NoCaller_HasNoInboundCall()
    {
        var scenario = ScenarioLoader.Parse(Minimal, "minimal.yaml");

        Assert.Null(scenario.Caller);
        Assert.False(scenario.HasInboundCall);
    }

    [Fact]
    public void Parse_EmptyCaller_IsACallWithSilence()
    {
        var scenario = ScenarioLoader.Parse(Minimal + "\ncaller: []\n", "silent.yaml");

        Assert.True(scenario.HasInboundCall);
        Assert.Empty(scenario.Caller!);
    }

    [Fact]
    public void Parse_CallerLineAsAMap_ReadsItsInterruptionAndRecording()
    {
        var folder = Directory.CreateTempSubdirectory("scenario-audio");
        try
        {
            File.WriteAllBytes(Path.Combine(folder.FullName, "yes.wav"), []);
            var yaml = Minimal + """

                caller:
                  - "What are your hours?"
                  - { say: "I'd like an oil change tomorrow at 9", interrupt_after: 1.5 }
                  - { say: "yes", audio: yes.wav }
                """;

            var scenario = ScenarioLoader.Parse(yaml, Path.Combine(folder.FullName, "cut-in.yaml"));

            Assert.Equal(
                [
                    CallerUtterance.FromLine("What are your hours?"),
                    CallerUtterance.FromLine("I'd like an oil change tomorrow at 9") with { InterruptsAfter = TimeSpan.FromSeconds(1.5) },
                    CallerUtterance.FromLine("yes") with { AudioFile = Path.Combine(folder.FullName, "yes.wav") },
                ],
                scenario.Caller);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("{ interrupt_after: 1 }", "'caller[0].say' is required")]
    [InlineData("{ say: hi, interrupt_after: soon }", "'caller[0].interrupt_after' is the seconds into the agent's reply")]
    [InlineData("{ say: hi, interrupt_after: 0 }", "'caller[0].interrupt_after' is the seconds into the agent's reply")]
    [InlineData("{ say: hi, audio: missing.wav }", "'caller[0].audio' names a file that does not exist")]
    [InlineData("{ say: hi, loud: yes }", "'caller[0]' has an unknown key 'loud'")]
    [InlineData("[hi]", "'caller[0]' is a line of text, or a map")]
    public void Parse_InvalidCallerLine_ThrowsNamingTheLineAndProblem(string line, string message)
    {
        var ex = Assert.Throws<ScenarioFileException>(() => ScenarioLoader.Parse(Minimal + $"\ncaller:\n  - {line}\n", "bad-line.yaml"));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ThenSteps_ReadsClockAndAnswerInOrder()
    {
        var scenario = ScenarioLoader.Parse(Minimal + """

            then:
              - clock: "2026-12-02T10:05:00-06:00"
              - answer:
                  by: person
                  caller: ["yes, I'll be there", "1"]
              - answer: { by: machine }
              - clock: "2026-12-02T18:30:00-06:00"
              - answer: { by: Busy }
            """, "then.yaml");

        Assert.Equal<ScenarioStep>(
            [
                new ClockStep(new DateTimeOffset(2026, 12, 2, 10, 5, 0, TimeSpan.FromHours(-6))),
                new AnswerStep(PhonePickup.Person, ["yes, I'll be there", "1"]),
                new AnswerStep(PhonePickup.Machine, []),
                new ClockStep(new DateTimeOffset(2026, 12, 2, 18, 30, 0, TimeSpan.FromHours(-6))),
                new AnswerStep(PhonePickup.Busy, []),
            ],
            scenario.Then,
            new StepComparer());
        Assert.Equal([PhonePickup.Person, PhonePickup.Machine, PhonePickup.Busy], scenario.Answers.Select(a => a.By));
    }

    [Fact]
    public void Parse_WorkflowExpectations_ReadsTextsCallsAndReminder()
    {
        var scenario = ScenarioLoader.Parse(Minimal + """

            expect:
              texts: ["(?i)oil change", "(?i)cancell?ed"]
              calls_to_caller: 3
              reminder: Unreached
            """, "workflow.yaml");

        Assert.Equal(["(?i)oil change", "(?i)cancell?ed"], scenario.Expect.Texts!.Select(t => t.ToString()));
        Assert.Equal(3, scenario.Expect.CallsToCaller);
        Assert.Equal(ExpectedReminder.Unreached, scenario.Expect.Reminder);
    }

    [Fact]
    public void Parse_SharedWorkflowScenarios_AllLoad()
    {
        foreach (var file in ScenarioLoader.ExpandPaths([Path.Combine(SharedScenarios.Folder, "workflows")]))
        {
            var scenario = ScenarioLoader.Parse(File.ReadAllText(file), file);

            Assert.True(scenario.Expect.CallsToCaller is not null || scenario.Expect.Texts is not null, file);
        }
    }

    [Theory]
    [InlineData("then:\n  - clock: \"2026-12-01T09:00:00-06:00\"", "'then[0].clock' must be later than 'now'")]
    [InlineData("then:\n  - clock: \"2026-12-02T09:00:00-06:00\"\n  - clock: \"2026-12-02T08:00:00-06:00\"", "'then[1].clock' must be later than the clock step before it")]
    [InlineData("then:\n  - clock: \"2026-12-02T09:00:00\"", "'then[0].clock' must be an ISO 8601 time with an offset")]
    [InlineData("then:\n  - answer: { by: robot }", "'then[0].answer.by' is person, machine, nobody or busy, not \"robot\"")]
    [InlineData("then:\n  - answer: { caller: [\"hi\"] }", "'then[0].answer.by' is required")]
    [InlineData("then:\n  - answer: { by: machine, caller: [\"hi\"] }", "'then[0].answer.caller' is what a person says: it needs 'by: person'")]
    [InlineData("then:\n  - clock: \"2026-12-02T09:00:00-06:00\"\n    answer: { by: person }", "'then[0]' must be one 'clock: INSTANT' or one 'answer: {by, caller}'")]
    [InlineData("then:\n  - {}", "'then[0]' must be one")]
    [InlineData("then:\n  - wait: 5", "unknown key 'wait'")]
    [InlineData("then:\n  - answer: { by: person, says: [\"hi\"] }", "unknown key 'says'")]
    [InlineData("expect:\n  calls_to_caller: two", "'expect.calls_to_caller' must be a whole number of calls, not \"two\"")]
    [InlineData("expect:\n  calls_to_caller: -1", "'expect.calls_to_caller' must be a whole number")]
    [InlineData("expect:\n  reminder: maybe", "'expect.reminder' is confirmed, cancelled, rescheduled, voicemail, unreached or none, not \"maybe\"")]
    [InlineData("expect:\n  reminder: 1", "'expect.reminder' is confirmed")]
    [InlineData("expect:\n  texts: [\"(oops\"]", "'expect.texts[0]' is not a valid regular expression")]
    [InlineData("expect:\n  text: [\"x\"]", "unknown key 'text'")]
    [InlineData("expect:\n  transferred_to: \"+15555550199\"", "'expect.transferred_to' needs an inbound call")]
    [InlineData("tenant: ../tenants/no-such-shop.yaml", "'tenant': no profile file at ../tenants/no-such-shop.yaml")]
    public void Parse_InvalidWorkflowKeys_ThrowNamingTheProblem(string extra, string message)
    {
        var ex = Assert.Throws<ScenarioFileException>(() => ScenarioLoader.Parse(Minimal + "\n" + extra + "\n", "bad.yaml"));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("bad.yaml", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Tenant_ReadsTheProfileRelativeToTheScenario_AndABadOneNamesItsField()
    {
        var scenarios = Path.Combine(VoiceAgent.LocalStack.RepositoryRoot.Find(), "tests", "scenarios", "workflows");

        var scenario = ScenarioLoader.Parse(Minimal + "\ntenant: ../../tenants/lakeside-tire.yaml\n", Path.Combine(scenarios, "shop.yaml"));
        var ex = Assert.Throws<ScenarioFileException>(() => ScenarioLoader.Parse(Minimal + "\ntenant: ../../tenants/invalid/zero-capacity.yaml\n", Path.Combine(scenarios, "bad.yaml")));

        Assert.Equal(("lakeside-tire", "+15555550300"), (scenario.Tenant.Id, scenario.Tenant.PhoneNumber));
        Assert.Contains("'tenant' ../../tenants/invalid/zero-capacity.yaml: services[2].capacity: 0 is too small", ex.Message, StringComparison.Ordinal);
        Assert.Equal(VoiceAgent.Core.Tenants.DemoTenant.Id, ScenarioLoader.Parse(Minimal, "demo.yaml").Tenant.Id);
    }

    /// <summary>Steps compare by value, lists included (records compare lists by reference).</summary>
    private sealed class StepComparer : IEqualityComparer<ScenarioStep>
    {
        public bool Equals(ScenarioStep? x, ScenarioStep? y) => (x, y) switch
        {
            (AnswerStep a, AnswerStep b) => a.By == b.By && a.Caller.SequenceEqual(b.Caller),
            _ => EqualityComparer<ScenarioStep>.Default.Equals(x, y),
        };

        public int GetHashCode(ScenarioStep obj) => obj.GetType().GetHashCode();
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
        Assert.Equal([CallerUtterance.FromLine("Hi"), CallerUtterance.Silence, new CallerUtterance("4 3 2 1", "4321")], scenario.Caller);
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
