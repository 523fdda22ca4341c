namespace VoiceAgent.Core.Staff;

/// <summary>How staff sign in: Entra ID through App Service authentication in Azure, a per-tenant dev token locally.</summary>
public sealed class StaffAuthOptions
{
    public const string Section = "StaffAuth";

    /// <summary>
    /// Trust the <c>X-MS-CLIENT-PRINCIPAL</c> header. Only App Service authentication (Easy Auth) in front of the app
    /// may set it (it strips a caller's own), so infra turns this on exactly where Easy Auth is configured.
    /// </summary>
    public bool TrustPlatformPrincipal { get; set; }

    /// <summary>
    /// Local runs only: tenant id → a bearer token that signs in as that tenant's staff (<c>tools/dev</c> prints them).
    /// Never set in Azure.
    /// </summary>
    public Dictionary<string, string> DevTokens { get; set; } = new(StringComparer.Ordinal);
}
