using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Functions.Staff;
using VoiceAgent.Functions.Tests.Support;

namespace VoiceAgent.Functions.Tests.Staff;

/// <summary>
/// The call history over HTTP with per-tenant dev tokens: calls made through the real webhooks, ended by Twilio's
/// status callback, listed and filtered for their own tenant's staff only, one call with its transcript and latencies.
/// A call to a second shop is made too, so every answer is also checked for what it must not show.
/// </summary>
public sealed class StaffCallsFunctionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
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
    public async Task ListCalls_OwnTenant_ShowsEndedCallsWithOutcomeAndSummary_FilteredByOutcomeAndNumber()
    {
        var booked = await _twilio.PlayCallAsync(["oil change tomorrow at 9 am", "yes", "no thanks"]);
        var asked = await _twilio.PlayCallAsync(["what are your hours", "no thanks"], from: "+15555550177");
        var elsewhere = await _twilio.PlayCallAsync(["what are your hours", "no thanks"], SecondTenant.CustomerPhone, SecondTenant.Number);
        var staff = _app.CreateStaffClient(DemoTenant.Id);

        var all = await staff.GetFromJsonAsync<List<CallView>>($"/api/tenants/{DemoTenant.Id}/calls");
        var bookings = await staff.GetFromJsonAsync<List<CallView>>($"/api/tenants/{DemoTenant.Id}/calls?outcome=booked");
        var fromJohn = await staff.GetFromJsonAsync<List<CallView>>($"/api/tenants/{DemoTenant.Id}/calls?number=0101");

        Assert.Equal(new[] { asked, booked }.Order(StringComparer.Ordinal), all!.Select(c => c.CallSid).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(all!, c => c.CallSid == elsewhere);
        var call = Assert.Single(bookings!);
        Assert.Equal((booked, "booked", "completed"), (call.CallSid, call.Outcome, call.Status));
        Assert.StartsWith("John called", call.Summary, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromHours(-6), call.StartedAt.Offset); // the shop's time
        Assert.Equal(booked, Assert.Single(fromJohn!).CallSid);
    }

    [Fact]
    public async Task GetCall_OwnTenant_HasEveryTurnWithItsLatency()
    {
        var callSid = await _twilio.PlayCallAsync(["oil change tomorrow at 9 am", "yes", "no thanks"]);

        var detail = await _app.CreateStaffClient(DemoTenant.Id).GetFromJsonAsync<CallDetailView>($"/api/tenants/{DemoTenant.Id}/calls/{callSid}");

        Assert.Equal(["oil change tomorrow at 9 am", "yes", "no thanks"], detail!.Turns.Select(t => t.Caller));
        Assert.Contains("all set", detail.Turns[1].Agent, StringComparison.OrdinalIgnoreCase);
        Assert.All(detail.Turns, t => Assert.True(t.Milliseconds > 0));
        Assert.Equal("booked", detail.Call.Outcome);
    }

    [Fact]
    public async Task CallsOfAnotherTenant_Return403AndNoData()
    {
        var elsewhere = await _twilio.PlayCallAsync(["what are your hours", "no thanks"], SecondTenant.CustomerPhone, SecondTenant.Number);
        var staff = _app.CreateStaffClient(DemoTenant.Id);

        var list = await staff.GetAsync($"/api/tenants/{SecondTenant.Id}/calls");
        var one = await staff.GetAsync($"/api/tenants/{SecondTenant.Id}/calls/{elsewhere}");
        var theirsUnderOurs = await staff.GetAsync($"/api/tenants/{DemoTenant.Id}/calls/{elsewhere}");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.NotFound), (list.StatusCode, one.StatusCode, theirsUnderOurs.StatusCode));
        Assert.DoesNotContain(elsewhere, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere, await one.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bearer not-a-token")]
    public async Task Calls_NoValidToken_Return401(string authorization)
    {
        var client = _app.CreateClient();
        if (authorization.Length > 0)
        {
            client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        var response = await client.GetAsync($"/api/tenants/{DemoTenant.Id}/calls");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("days=0")]
    [InlineData("days=91")]
    [InlineData("limit=abc")]
    public async Task ListCalls_BadRange_Returns400(string query)
    {
        var response = await _app.CreateStaffClient(DemoTenant.Id).GetAsync($"/api/tenants/{DemoTenant.Id}/calls?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
