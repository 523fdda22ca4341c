using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.Core.Staff;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Functions.Tests.Support;

namespace VoiceAgent.Functions.Tests.Dashboard;

/// <summary>
/// Signing in to the dashboard over HTTP: a browser without a sign-in is sent to the sign-in page (locally a dev-token
/// form, in Azure Easy Auth's login), a valid token becomes an HttpOnly SameSite=Strict cookie the staff API accepts, a
/// wrong one is refused with a clear message and no cookie, and signing out clears it. Twilio's paths need no sign-in.
/// </summary>
public sealed class DashboardSignInTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Local_NoSignIn_PageRedirectsToTheForm_AndTheApiAnswers401()
    {
        await using var app = await FunctionsApp.StartAsync(azurite.Server.ConnectionString);
        using var browser = Browser(app);

        var page = await browser.GetAsync("/api/dashboard");
        var form = await browser.GetAsync("/api/dashboard/sign-in");
        var me = await browser.GetAsync("/api/staff/me");
        var script = await browser.GetAsync("/api/dashboard/assets/dashboard.js");
        var twilio = await new TwilioWebhookClient(app.CreateClient(), app.AuthToken).PostAsync("/api/voice/incoming", TwilioWebhookClient.CallFields(TwilioWebhookClient.NewCallSid()));

        Assert.Equal((HttpStatusCode.SeeOther, "/api/dashboard/sign-in"), (page.StatusCode, page.Headers.Location?.ToString()));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("name=\"token\"", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal((HttpStatusCode.OK, "text/javascript"), (script.StatusCode, script.Content.Headers.ContentType?.MediaType));
        Assert.Equal(HttpStatusCode.OK, twilio.StatusCode);
    }

    [Fact]
    public async Task Local_DevTokenSignIn_SetsAStrictHttpOnlyCookie_ThatOpensThePageAndTheApi_UntilSignOut()
    {
        await using var app = await FunctionsApp.StartAsync(azurite.Server.ConnectionString);
        using var browser = Browser(app);

        var signIn = await browser.PostAsync("/api/dashboard/sign-in", new FormUrlEncodedContent([new("token", app.StaffTokenFor(DemoTenant.Id))]));
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        var session = cookie.Split(';')[0];
        var page = await SendAsync(browser, HttpMethod.Get, "/api/dashboard", session);
        var me = await SendAsync(browser, HttpMethod.Get, "/api/staff/me", session);
        var signOut = await SendAsync(browser, HttpMethod.Post, "/api/dashboard/sign-out", session);

        Assert.Equal((HttpStatusCode.SeeOther, "/api/dashboard"), (signIn.StatusCode, signIn.Headers.Location?.ToString()));
        Assert.StartsWith(StaffAuthenticator.DevTokenCookie + "=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("Northside Auto Care", await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, signOut.StatusCode);
        Assert.Contains("expires=Thu, 01 Jan 1970", Assert.Single(signOut.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Local_WrongToken_401WithAClearMessageAndNoCookie()
    {
        await using var app = await FunctionsApp.StartAsync(azurite.Server.ConnectionString);
        using var browser = Browser(app);

        var signIn = await browser.PostAsync("/api/dashboard/sign-in", new FormUrlEncodedContent([new("token", "not-a-staff-token")]));

        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.False(signIn.Headers.Contains("Set-Cookie"));
        Assert.Contains("That token signs nobody in", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Azure_EasyAuth_SignInGoesToTheEntraLogin_AndTheForwardedPrincipalOpensThePage()
    {
        await using var app = await FunctionsApp.StartAsync(
            azurite.Server.ConnectionString,
            settings: new Dictionary<string, string> { ["StaffAuth:TrustPlatformPrincipal"] = "true" },
            staffTenants: []);
        await app.Services.GetRequiredService<StaffDirectory>().AddAsync("dana-object-id", DemoTenant.Id, CancellationToken.None);
        using var browser = Browser(app);

        var signInPage = await browser.GetAsync("/api/dashboard/sign-in");
        var formPost = await browser.PostAsync("/api/dashboard/sign-in", new FormUrlEncodedContent([new("token", "anything")]));
        using var signedIn = new HttpRequestMessage(HttpMethod.Get, "/api/dashboard");
        signedIn.Headers.Add(StaffAuthenticator.PrincipalHeader, EasyAuthPrincipal.Encode("dana-object-id", "Dana"));
        var page = await browser.SendAsync(signedIn);

        Assert.Equal((HttpStatusCode.SeeOther, "/.auth/login/aad?post_login_redirect_uri=/api/dashboard"), (signInPage.StatusCode, signInPage.Headers.Location?.ToString()));
        Assert.Equal(HttpStatusCode.SeeOther, formPost.StatusCode); // no dev tokens in Azure: the form is not a way in
        Assert.False(formPost.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    /// <summary>A browser's requests without its cookie jar or redirects, so each answer is seen as sent.</summary>
    private static HttpClient Browser(FunctionsApp app) =>
        new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.CreateClient().BaseAddress };

    private static Task<HttpResponseMessage> SendAsync(HttpClient browser, HttpMethod method, string path, string cookie)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookie);
        return browser.SendAsync(request);
    }
}
