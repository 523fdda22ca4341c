using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VoiceAgent.Core.Staff;

/// <summary>
/// Who is asking, and for which tenant: a local dev token (<c>Authorization: Bearer</c>) or, behind App Service
/// authentication, the Entra principal it forwards, mapped to a tenant by <see cref="StaffDirectory"/>.
/// </summary>
public sealed partial class StaffAuthenticator(IOptions<StaffAuthOptions> options, StaffDirectory staff, ILogger<StaffAuthenticator> logger)
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
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

    private StaffPrincipal? FromDevToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (_options.DevTokens.Count == 0 || !header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return null;
        }

        var presented = Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim());
        foreach (var (tenantId, token) in _options.DevTokens)
        {
            if (!string.IsNullOrEmpty(token) && CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(token)))
            {
                return new StaffPrincipal($"dev:{tenantId}", tenantId, $"{tenantId} (dev token)");
            }
        }

        return null;
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
