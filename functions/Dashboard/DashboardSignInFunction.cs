using System.Net;
using Microsoft.Azure.Functions.Worker;
using VoiceAgent.Core.Staff;

namespace VoiceAgent.Functions.Dashboard;

/// <summary>
/// Signing staff in to the dashboard. In Azure, App Service authentication (Easy Auth) does it: the sign-in page sends
/// the browser to <c>/.auth/login/aad</c>, and back to the dashboard after. Locally, staff paste their tenant's dev token
/// (tools/dev prints it) into a form; a valid one is kept in an HttpOnly, SameSite=Strict cookie
/// (<see cref="StaffAuthenticator.DevTokenCookie"/>) that the staff API accepts like the header. Signing out clears it.
/// </summary>
public sealed class DashboardSignInFunction(StaffAuthenticator staff, DashboardAssets assets)
{
    public const string Path = "/api/dashboard/sign-in";

    public const string PlatformSignIn = "/.auth/login/aad?post_login_redirect_uri=" + DashboardFunction.Path;

    public const string PlatformSignOut = "/.auth/logout?post_logout_redirect_uri=" + DashboardFunction.Path;

    private static readonly TimeSpan CookieLifetime = TimeSpan.FromHours(12);

    [Function("DashboardSignInPage")]
    public IResult Page(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/sign-in")] HttpRequest request)
    {
        var response = request.HttpContext.Response;
        if (staff.UsesPlatformSignIn)
        {
            return DashboardResponses.Redirect(response, PlatformSignIn);
        }

        return staff.AcceptsDevTokens
            ? SignInForm(response, error: null, StatusCodes.Status200OK)
            : NotConfigured(response);
    }

    [Function("DashboardSignIn")]
    public async Task<IResult> SignInAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dashboard/sign-in")] HttpRequest request)
    {
        var response = request.HttpContext.Response;
        if (!staff.AcceptsDevTokens)
        {
            return staff.UsesPlatformSignIn ? DashboardResponses.Redirect(response, PlatformSignIn) : NotConfigured(response);
        }

        var token = request.HasFormContentType ? (await request.ReadFormAsync(request.HttpContext.RequestAborted))["token"].ToString() : string.Empty;
        if (staff.FromDevToken(token) is null)
        {
            return SignInForm(response, "That token signs nobody in. Use the staff token tools/dev printed for your shop.", StatusCodes.Status401Unauthorized);
        }

        response.Cookies.Append(StaffAuthenticator.DevTokenCookie, token.Trim(), CookieOptions(request));
        return DashboardResponses.Redirect(response, DashboardFunction.Path);
    }

    [Function("DashboardSignOut")]
    public IResult SignOut(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dashboard/sign-out")] HttpRequest request)
    {
        var response = request.HttpContext.Response;
        response.Cookies.Delete(StaffAuthenticator.DevTokenCookie, CookieOptions(request));
        return DashboardResponses.Redirect(response, staff.UsesPlatformSignIn ? PlatformSignOut : Path);
    }

    private static CookieOptions CookieOptions(HttpRequest request) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = request.IsHttps,
        Path = "/api",
        MaxAge = CookieLifetime,
    };

    private IResult SignInForm(HttpResponse response, string? error, int status) =>
        DashboardResponses.Page(
            response,
            assets.Page("sign-in.html").Replace("{{error}}", error is null ? string.Empty : $"<p class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(error)}</p>", StringComparison.Ordinal),
            status);

    private IResult NotConfigured(HttpResponse response) =>
        DashboardResponses.Page(response, assets.Page("not-configured.html"), StatusCodes.Status503ServiceUnavailable);
}
