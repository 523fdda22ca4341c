using VoiceAgent.CallSimulator.Telephony;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.CallSimulator.Scenarios;

/// <summary>One phone call (or none) from the caller's side, what happens after it, and the outcome the shop owner expects (shared/scenarios/README.md).</summary>
public sealed record Scenario
{
    public required string Name { get; init; }
    /// <summary>The file it came from, for messages.</summary>
    public required string SourcePath { get; init; }
    /// <summary>The clock during the call, with the tenant's offset.</summary>
    public required DateTimeOffset Now { get; init; }
    /// <summary>The shop: the profile named by <c>tenant:</c>, else the demo tenant; the call goes to its first number.</summary>
    public TenantProfile Tenant { get; init; } = DemoTenant.Profile;
    /// <summary>Caller id (E.164); the call is to the tenant's first number, and the shop's texts and calls to it are checked.</summary>
    public required string From { get; init; }
    /// <summary>Appointments that exist before the call.</summary>
    public IReadOnlyList<GivenAppointment> Given { get; init; } = [];
    /// <summary>What the caller says, one line per agent prompt, in order; null when the scenario has no inbound call.</summary>
    public IReadOnlyList<CallerUtterance>? Caller { get; init; } = [];
    /// <summary>What happens after the call (<c>then:</c>), in order.</summary>
    public IReadOnlyList<ScenarioStep> Then { get; init; } = [];
    public ScenarioExpectation Expect { get; init; } = new();

    public bool HasInboundCall => Caller is not null;

    /// <summary>The <c>answer</c> steps in order: the queue outbound calls to <see cref="From"/> consume.</summary>
    public IEnumerable<AnswerStep> Answers => Then.OfType<AnswerStep>();
}
