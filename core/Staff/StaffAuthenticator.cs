using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VoiceAgent.Core.Staff;

/// <summary>
/// Who is asking, and for which tenant: a local dev token (<c>Authorization: Bearer</c>, or the dashboard's sign-in
/// cookie <see cref="DevTokenCookie"/> holding one) or, behind App Service authentication, the Entra principal it
/// forwards, mapped to a tenant by <see cref="StaffDirectory"/>.
/// </summary>
public sealed partial class StaffAuthenticator(IOptions<StaffAuthOptions> options, StaffDirectory staff, ILogger<StaffAuthenticator> logger)
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
    /// <summary>The dashboard's local sign-in keeps the dev token in this HttpOnly, SameSite=Strict cookie.</summary>
    public const string DevTokenCookie = "VoiceAgent-Staff";
    private const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    private readonly StaffAuthOptions _options = options.Value;

    public async Task<StaffPrincipal?> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (FromDevToken(request) is { } developer)
        {
            return developer;
        }

        if (!_options.TrustPlatformPrincipal || ReadEntraUser(request) is not { } user)
        {
            return null;
        }

        var tenantId = await staff.FindTenantAsync(user.ObjectId, cancellationToken);
        if (tenantId is null)
        {
            LogUnmappedUser(logger, user.ObjectId);
            return null;
        }

        return new StaffPrincipal(user.ObjectId, tenantId, user.Name);
    }

    /// <summary>The staff member may act for <paramref name="tenantId"/>: 200, else 401 (nobody) or 403 (another tenant's staff).</summary>
    public async Task<StaffAccess> AuthorizeAsync(HttpRequest request, string tenantId, CancellationToken cancellationToken)
    {
        var principal = await AuthenticateAsync(request, cancellationToken);
        if (principal is null)
        {
            return StaffAccess.Unauthenticated;
        }

        if (!string.Equals(principal.TenantId, tenantId, StringComparison.Ordinal))
        {
            LogOtherTenant(logger, principal.UserId, principal.TenantId, tenantId);
            return StaffAccess.Forbidden(principal);
        }

        return StaffAccess.Granted(principal);
    }

    /// <summary>Staff sign in here with Entra ID through App Service authentication (else with dev tokens, or not at all).</summary>
    public bool UsesPlatformSignIn => _options.TrustPlatformPrincipal;

    /// <summary>Dev tokens are configured (local runs only).</summary>
    public bool AcceptsDevTokens => _options.DevTokens.Count > 0;

    /// <summary>The staff member a dev token signs in as, or null for a token that is none of the configured ones.</summary>
    public StaffPrincipal? FromDevToken(string token)
    {
        if (string.IsNullOrWhiteSpace(token) || _options.DevTokens.Count == 0)
        {
            return null;
        }

        var presented = Encoding.UTF8.GetBytes(token.Trim());
        foreach (var (tenantId, configured) in _options.DevTokens)
        {
            if (!string.IsNullOrEmpty(configured) && CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(configured)))
            {
                return new StaffPrincipal($"dev:{tenantId}", tenantId, $"{tenantId} (dev token)");
            }
        }

        return null;
    }

    private StaffPrincipal? FromDevToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return FromDevToken(header["Bearer ".Length..]);
        }

        return request.Cookies.TryGetValue(DevTokenCookie, out var cookie) ? FromDevToken(cookie ?? string.Empty) : null;
    }

    /// <summary>The object id and name in the principal App Service authentication forwards (base64 JSON with a claims list).</summary>
    private static (string ObjectId, string Name)? ReadEntraUser(HttpRequest request)
    {
        var encoded = request.Headers[PrincipalHeader].ToString();
        if (encoded.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(encoded));
            string? objectId = null;
            string? name = null;
            var nameType = document.RootElement.TryGetProperty("name_typ", out var nt) ? nt.GetString() : null;
            foreach (var claim in document.RootElement.GetProperty("claims").EnumerateArray())
            {
                var type = claim.GetProperty("typ").GetString();
                var value = claim.GetProperty("val").GetString();
                if (type is ObjectIdClaim or "oid")
                {
                    objectId = value;
                }
                else if (type == nameType || type == "name")
                {
                    name ??= value;
                }
            }

            return string.IsNullOrWhiteSpace(objectId) ? null : (objectId, name ?? objectId);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Staff user {UserId} signed in but is not mapped to any tenant")]
    private static partial void LogUnmappedUser(ILogger logger, string userId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Staff user {UserId} of tenant {OwnTenant} asked for tenant {OtherTenant}: refused")]
    private static partial void LogOtherTenant(ILogger logger, string userId, string ownTenant, string otherTenant);
}
