using Microsoft.Azure.Functions.Worker;
using VoiceAgent.Core.Staff;

namespace VoiceAgent.Functions.Dashboard;

/// <summary>
/// The staff dashboard, served by the function app on the staff API's own origin (decision 0022):
/// <c>GET /api/dashboard</c> is the page, for signed-in staff only (a browser without a sign-in is sent to
/// <see cref="DashboardSignInFunction"/>), and <c>GET /api/dashboard/assets/{name}</c> its stylesheet and script, which
/// hold no data. Everything the page shows it reads from the staff API with the same sign-in.
/// </summary>
public sealed class DashboardFunction(StaffAuthenticator staff, DashboardAssets assets)
{
    public const string Path = "/api/dashboard";

    [Function("Dashboard")]
    public async Task<IResult> PageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard")] HttpRequest request)
    {
        if (await staff.AuthenticateAsync(request, request.HttpContext.RequestAborted) is null)
        {
            return DashboardResponses.Redirect(request.HttpContext.Response, DashboardSignInFunction.Path);
        }

        return DashboardResponses.Page(request.HttpContext.Response, assets.Page("dashboard.html"));
    }

    [Function("DashboardAsset")]
    public IResult Asset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/assets/{name}")] HttpRequest request,
        string name)
    {
        if (name.EndsWith(".html", StringComparison.Ordinal) || !assets.TryGet(name, out var content, out var contentType))
        {
            return TypedResults.NotFound();
        }

        return DashboardResponses.File(request.HttpContext.Response, content, contentType);
    }
}
