using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Functions.Staff;
using VoiceAgent.Functions.Tests.Support;

namespace VoiceAgent.Functions.Tests.Staff;

/// <summary>
/// Web PubSub client tokens for the dashboard (protocols.md §8.2): minted only for signed-in staff, joined to their own
/// tenant's group and nothing else, signed with the access key for the client endpoint's audience; 401 and 403 otherwise,
/// and 503 where live events are off.
/// </summary>
public sealed class StaffLiveEventsFunctionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string AccessKey = "local-test-access-key-0123456789abcdef";
    private const string Endpoint = "http://127.0.0.1:9";

    [Fact]
    public async Task Negotiate_OwnTenant_TokenJoinsOnlyItsGroupWithNoRoles()
    {
        await using var app = await StartAsync(live: true);

        var access = await app.CreateStaffClient(DemoTenant.Id).GetFromJsonAsync<LiveEventsAccessView>($"/api/tenants/{DemoTenant.Id}/live-events");

        Assert.Equal("ws://127.0.0.1:9/client/hubs/calls", access!.Url.GetLeftPart(UriPartial.Path));
        var token = System.Web.HttpUtility.ParseQueryString(access.Url.Query)["access_token"]!;
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(AccessKey)),
            ValidateIssuer = false,
            ValidAudience = "http://127.0.0.1:9/client/hubs/calls",
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal(["tenant." + DemoTenant.Id], jwt.Claims.Where(c => c.Type == "webpubsub.group").Select(c => c.Value));
        Assert.DoesNotContain(jwt.Claims, c => c.Type == "role");
        Assert.Equal($"dev:{DemoTenant.Id}", jwt.Subject);
    }

    [Fact]
    public async Task Negotiate_NobodyOrAnotherTenant_RefusedWithoutAToken()
    {
        await using var app = await StartAsync(live: true);

        var nobody = await app.CreateClient().GetAsync($"/api/tenants/{DemoTenant.Id}/live-events");
        var otherTenant = await app.CreateStaffClient(SecondTenant.Id).GetAsync($"/api/tenants/{DemoTenant.Id}/live-events");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden), (nobody.StatusCode, otherTenant.StatusCode));
        Assert.DoesNotContain("access_token", await nobody.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("access_token", await otherTenant.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Negotiate_LiveEventsOff_ServiceUnavailableWithAReason()
    {
        await using var app = await StartAsync(live: false);

        var response = await app.CreateStaffClient(DemoTenant.Id).GetAsync($"/api/tenants/{DemoTenant.Id}/live-events");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Live call events are off", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private Task<FunctionsApp> StartAsync(bool live) => FunctionsApp.StartAsync(
        azurite.Server.ConnectionString,
        settings: live ? new Dictionary<string, string> { ["WebPubSub:ConnectionString"] = $"Endpoint={Endpoint};AccessKey={AccessKey};Version=1.0;" } : null,
        staffTenants: [DemoTenant.Id, SecondTenant.Id]);
}
