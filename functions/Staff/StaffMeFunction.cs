using Microsoft.Azure.Functions.Worker;
using VoiceAgent.Core.Staff;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Functions.Staff;

/// <summary>
/// <c>GET /api/staff/me</c>: who is signed in and the one shop they work for, with the shop's today and tomorrow, so
/// the dashboard knows which tenant to ask for and what "today" is there. 401 when nobody is signed in.
/// </summary>
public sealed class StaffMeFunction(StaffAuthenticator staff, TenantStore tenants, TimeProvider time)
{
    [Function("StaffMe")]
    public async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/me")] HttpRequest request)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        if (await staff.AuthenticateAsync(request, cancellationToken) is not { } principal)
        {
            return StaffAccess.Unauthenticated.Refusal!;
        }

        if (await tenants.FindAsync(principal.TenantId, cancellationToken) is not { } tenant)
        {
            return TypedResults.NotFound();
        }

        var today = tenant.Time.Today(time.GetUtcNow());
        return TypedResults.Ok(new StaffMeView(principal.Name, tenant.Id, tenant.Name, tenant.TimeZoneId, today, today.AddDays(1), staff.UsesPlatformSignIn));
    }
}

/// <summary>The signed-in staff member, their shop, and the shop's local today and tomorrow.</summary>
public sealed record StaffMeView(string Name, string TenantId, string ShopName, string TimeZone, DateOnly Today, DateOnly Tomorrow, bool PlatformSignIn);
