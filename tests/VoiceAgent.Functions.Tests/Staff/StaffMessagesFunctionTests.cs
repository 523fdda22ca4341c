using System.Net;
using System.Net.Http.Json;
using System.Text;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Functions.Staff;
using VoiceAgent.Functions.Tests.Support;

namespace VoiceAgent.Functions.Tests.Staff;

/// <summary>
/// The messages inbox over HTTP: a message left on a real call is listed for its own shop's staff, marked done and
/// reopened (kept on the call's row), refused for a non-JSON body, an unknown message and another shop's staff.
/// </summary>
public sealed class StaffMessagesFunctionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private FunctionsApp _app = null!;
    private TwilioWebhookClient _twilio = null!;

    public async Task InitializeAsync()
    {
        _app = await SecondTenant.StartAppAsync(azurite.Server.ConnectionString);
        _twilio = new TwilioWebhookClient(_app.CreateClient(), _app.AuthToken);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Inbox_MessageLeftOnACall_ListedThenMarkedDoneThenReopened()
    {
        var callSid = await _twilio.PlayCallAsync(["can I leave a message for the service guys", "tell Mike the parts for my Jeep came in", "thanks, bye"]);
        var staff = _app.CreateStaffClient(DemoTenant.Id);

        var before = Assert.Single((await staff.GetFromJsonAsync<List<StaffMessageView>>($"/api/tenants/{DemoTenant.Id}/messages"))!);
        var done = await staff.PostAsync($"/api/tenants/{DemoTenant.Id}/messages/{callSid}/0", Json("""{"done":true}"""));
        var after = Assert.Single((await staff.GetFromJsonAsync<List<StaffMessageView>>($"/api/tenants/{DemoTenant.Id}/messages"))!);
        var reopened = await staff.PostAsync($"/api/tenants/{DemoTenant.Id}/messages/{callSid}/0", Json("""{"done":false}"""));
        var again = Assert.Single((await staff.GetFromJsonAsync<List<StaffMessageView>>($"/api/tenants/{DemoTenant.Id}/messages"))!);

        Assert.Equal((callSid, 0, false), (before.CallSid, before.Index, before.Done));
        Assert.Contains("parts for my Jeep", before.Text, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NoContent, true), (done.StatusCode, after.Done));
        Assert.Equal((HttpStatusCode.NoContent, false), (reopened.StatusCode, again.Done));
    }

    [Fact]
    public async Task MarkDone_FormBodyUnknownMessageOrAnotherShop_RefusedAndNothingChanges()
    {
        var callSid = await _twilio.PlayCallAsync(["can I leave a message for the service guys", "tell Mike the parts for my Jeep came in", "thanks, bye"]);
        var staff = _app.CreateStaffClient(DemoTenant.Id);
        var path = $"/api/tenants/{DemoTenant.Id}/messages/{callSid}";

        var form = await staff.PostAsync(path + "/0", new FormUrlEncodedContent([new("done", "true")]));
        var plain = await staff.PostAsync(path + "/0", new StringContent("""{"done":true}""", Encoding.UTF8, "text/plain"));
        var missing = await staff.PostAsync(path + "/7", Json("""{"done":true}"""));
        var notANumber = await staff.PostAsync(path + "/first", Json("""{"done":true}"""));
        var otherShop = await _app.CreateStaffClient(SecondTenant.Id).PostAsync(path + "/0", Json("""{"done":true}"""));
        var otherShopList = await _app.CreateStaffClient(SecondTenant.Id).GetAsync($"/api/tenants/{DemoTenant.Id}/messages");
        var nobody = await _app.CreateClient().GetAsync($"/api/tenants/{DemoTenant.Id}/messages");

        Assert.Equal(
            (HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized),
            (form.StatusCode, plain.StatusCode, missing.StatusCode, notANumber.StatusCode, otherShop.StatusCode, otherShopList.StatusCode, nobody.StatusCode));
        Assert.DoesNotContain("Jeep", await otherShopList.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(Assert.Single((await staff.GetFromJsonAsync<List<StaffMessageView>>($"/api/tenants/{DemoTenant.Id}/messages"))!).Done);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
