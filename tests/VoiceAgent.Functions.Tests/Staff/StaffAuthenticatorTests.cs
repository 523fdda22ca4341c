using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Staff;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Functions.Tests.Support;

namespace VoiceAgent.Functions.Tests.Staff;

/// <summary>
/// Staff signed in with Entra ID: the principal App Service authentication (Easy Auth) forwards in
/// <c>X-MS-CLIENT-PRINCIPAL</c>, mapped to a tenant in the StaffMembers table, seen through the staff appointment book.
/// The app trusts the header only when told Easy Auth is in front (<c>StaffAuth:TrustPlatformPrincipal</c>).
/// </summary>
public sealed class StaffAuthenticatorTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string Dana = "3f2c9a51-7b64-4f0e-9d2a-6c1e8b5a4d70";
    private const string Stranger = "9b1d7e42-0c3a-4a58-b6f1-2e7d9c8a5b13";

    private FunctionsApp _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync(trustPlatformPrincipal: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AuthorizeAsync_EntraPrincipalMappedToTheTenant_Returns200()
    {
        var response = await ListAsync(_app, DemoTenant.Id, Dana);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AuthorizeAsync_EntraPrincipalMappedToAnotherTenant_Returns403()
    {
        var response = await ListAsync(_app, SecondTenant.Id, Dana);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AuthorizeAsync_UnmappedEntraPrincipal_Returns401()
    {
        var response = await ListAsync(_app, DemoTenant.Id, Stranger);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>Without Easy Auth in front nothing strips a caller's own header, so a forged one must sign in nobody.</summary>
    [Fact]
    public async Task AuthorizeAsync_PrincipalHeaderWithoutPlatformTrust_Returns401()
    {
        await using var app = await StartAsync(trustPlatformPrincipal: false);

        var response = await ListAsync(app, DemoTenant.Id, Dana);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>An app with the second tenant seeded and Dana mapped to the demo tenant; no dev tokens at all.</summary>
    private async Task<FunctionsApp> StartAsync(bool trustPlatformPrincipal)
    {
        var app = await FunctionsApp.StartAsync(
            azurite.Server.ConnectionString,
            settings: new Dictionary<string, string> { ["StaffAuth:TrustPlatformPrincipal"] = trustPlatformPrincipal ? "true" : "false" },
            staffTenants: []);
        await SecondTenant.SeedAsync(app.Services.GetRequiredService<TenantStore>(), app.Services.GetRequiredService<AppointmentStore>(), CancellationToken.None);
        await app.Services.GetRequiredService<StaffDirectory>().AddAsync(Dana, DemoTenant.Id, CancellationToken.None);
        return app;
    }

    private static async Task<HttpResponseMessage> ListAsync(FunctionsApp app, string tenantId, string objectId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/tenants/{tenantId}/appointments?from=2026-12-01&to=2026-12-03");
        request.Headers.Add(StaffAuthenticator.PrincipalHeader, EasyAuthPrincipal.Encode(objectId, "Dana"));
        return await app.CreateClient().SendAsync(request);
    }
}
