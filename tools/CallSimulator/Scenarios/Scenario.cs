namespace VoiceAgent.CallSimulator.Scenarios;

/// <summary>One phone call from the caller's side with the outcome the shop owner expects (shared/scenarios/README.md).</summary>
public sealed record Scenario
{
    public required string Name { get; init; }
    /// <summary>The file it came from, for messages.</summary>
    public required string SourcePath { get; init; }
    /// <summary>The clock during the call, with the tenant's offset.</summary>
    public required DateTimeOffset Now { get; init; }
    /// <summary>Caller id (E.164); the call is to the demo tenant's number.</summary>
    public required string From { get; init; }
    /// <summary>Appointments that exist before the call.</summary>
    public IReadOnlyList<GivenAppointment> Given { get; init; } = [];
    /// <summary>What the caller says, one line per agent prompt, in order.</summary>
    public IReadOnlyList<string> Caller { get; init; } = [];
    public ScenarioExpectation Expect { get; init; } = new();
}
