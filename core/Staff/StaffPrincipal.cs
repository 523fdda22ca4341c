namespace VoiceAgent.Core.Staff;

/// <summary>A signed-in staff member and the one tenant they work for.</summary>
/// <param name="UserId">The Entra object id, or <c>dev:&lt;tenant&gt;</c> for a local dev token.</param>
public sealed record StaffPrincipal(string UserId, string TenantId, string Name);
