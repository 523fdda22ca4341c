using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Calls;

/// <summary>What a call service decided for one webhook: the reply and the tenant it was for (null when the number is unknown).</summary>
public sealed record CallOutcome(AgentReply Reply, TenantProfile? Tenant)
{
    /// <summary>The known caller's first name, for staff watching the call.</summary>
    public string? CustomerFirstName { get; init; }

    /// <summary>A call from <see cref="SmokeTestCaller"/>: greeted over Gather, with nothing recorded or reported.</summary>
    public bool IsSmokeTest { get; init; }
}
