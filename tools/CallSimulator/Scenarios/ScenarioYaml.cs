namespace VoiceAgent.CallSimulator.Scenarios;

// The YAML shape of a scenario file, exactly as written (snake_case keys); ScenarioLoader validates it into a Scenario.
// Unknown keys are rejected by the deserializer, so a typo ("expected:") is an error, not a silently empty check.
internal sealed class ScenarioYaml
{
    public string? Name { get; set; }
    public string? Now { get; set; }
    public string? From { get; set; }
    public string? Tenant { get; set; }
    public List<GivenYaml?>? Given { get; set; }
    // Each line is text, or a map (say, audio, interrupt_after) that ScenarioLoader reads by hand.
    public List<object?>? Caller { get; set; }
    public List<StepYaml?>? Then { get; set; }
    public ExpectYaml? Expect { get; set; }
}

internal sealed class GivenYaml
{
    public string? Customer { get; set; }
    public string? Service { get; set; }
    public string? Start { get; set; }
}

internal sealed class StepYaml
{
    public string? Clock { get; set; }
    public AnswerYaml? Answer { get; set; }
}

internal sealed class AnswerYaml
{
    public string? By { get; set; }
    public List<string?>? Caller { get; set; }
}

internal sealed class ExpectYaml
{
    public List<BookedYaml?>? Booked { get; set; }
    public List<string?>? Cancelled { get; set; }
    public string? TransferredTo { get; set; }
    public List<string?>? Said { get; set; }
    public List<string?>? Texts { get; set; }
    public string? CallsToCaller { get; set; }
    public string? Reminder { get; set; }
}

internal sealed class BookedYaml
{
    public string? Service { get; set; }
    public string? Start { get; set; }
}
