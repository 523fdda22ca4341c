using VoiceAgent.Core.Staff;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Functions.Staff;

/// <summary>
/// The start of every staff request for one tenant: the sign-in (401 nobody, 403 another tenant's staff, via
/// <see cref="StaffAuthenticator"/>), then the tenant itself (404 when there is none).
/// </summary>
public sealed class StaffTenantGate(StaffAuthenticator staff, TenantStore tenants)
{
    public async Task<StaffTenantAccess> OpenAsync(HttpRequest request, string tenantId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        var access = await staff.AuthorizeAsync(request, tenantId, cancellationToken);
        if (!access.IsGranted)
        {
            return new StaffTenantAccess(null, null, access.Refusal);
        }

        return await tenants.FindAsync(tenantId, cancellationToken) is { } tenant
            ? new StaffTenantAccess(tenant, access.Principal, null)
            : new StaffTenantAccess(null, access.Principal, TypedResults.NotFound());
    }
}

/// <summary>The staff member and their tenant, or the answer to give instead (<see cref="Refusal"/>).</summary>
public sealed record StaffTenantAccess(TenantProfile? Tenant, StaffPrincipal? Principal, IResult? Refusal);
