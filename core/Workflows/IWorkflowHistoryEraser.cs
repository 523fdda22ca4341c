using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Workflows;

/// <summary>
/// The workflow engine's side of a deletion request: ends any live instance of the appointments' workflows (follow-ups,
/// reminder calls) and purges every instance with its history. Implemented where a Durable client is at hand.
/// </summary>
public interface IWorkflowHistoryEraser
{
    /// <summary>Returns how many instances were purged. Idempotent.</summary>
    Task<int> EraseAsync(TenantProfile tenant, IReadOnlyCollection<string> appointmentIds, CancellationToken cancellationToken);
}
