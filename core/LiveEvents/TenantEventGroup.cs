namespace VoiceAgent.Core.LiveEvents;

/// <summary>
/// The Web PubSub group that carries one tenant's live events, <c>tenant.{tenantId}</c>. A staff member's client token
/// names only their own tenant's group, so this name is the boundary between tenants on the service.
/// </summary>
public static class TenantEventGroup
{
    public const string Prefix = "tenant.";

    /// <summary>The group name (the service allows 1–1024 characters, not only whitespace).</summary>
    public static string For(string tenantId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        var group = Prefix + tenantId;
        return group.Length <= 1024 ? group : throw new ArgumentException("The tenant id is too long for a Web PubSub group name.", nameof(tenantId));
    }
}
