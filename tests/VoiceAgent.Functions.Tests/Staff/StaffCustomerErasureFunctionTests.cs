using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Functions.Tests.Support;
using VoiceAgent.LocalStack;

namespace VoiceAgent.Functions.Tests.Staff;

/// <summary>
/// The deletion request's answers over HTTP, and the admin command that calls it: refused without sign-in or for another
/// shop's staff, a body that names nobody is a 400, an unknown customer a 404, each with nothing changed; erasing by id
/// touches only that shop's customer even when another shop has a customer with the same number.
/// </summary>
public sealed class StaffCustomerErasureFunctionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string John = TwilioWebhookClient.JohnSmith;
    private const string Maria = "+15555550102";

    private FunctionsApp _app = null!;
    private CustomerStore _customers = null!;

    private static string Route => $"/api/tenants/{DemoTenant.Id}/customers/erase";

    public async Task InitializeAsync()
    {
        _app = await SecondTenant.StartAppAsync(azurite.ConnectionString);
        _customers = _app.Services.GetRequiredService<CustomerStore>();
        await _customers.SaveAsync(DemoTenant.Customers[0] with { TenantId = SecondTenant.Id }, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Erase_NoSignIn_Is401AndChangesNothing()
    {
        using var response = await _app.CreateClient().PostAsJsonAsync(Route, new { phone = John });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotNull(await _customers.FindByPhoneAsync(DemoTenant.Id, John, CancellationToken.None));
    }

    [Fact]
    public async Task Erase_OtherShopsStaff_Is403AndChangesNothing()
    {
        using var response = await _app.CreateStaffClient(SecondTenant.Id).PostAsJsonAsync(Route, new { phone = John });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotNull(await _customers.FindByPhoneAsync(DemoTenant.Id, John, CancellationToken.None));
    }

    [Theory]
    [InlineData("{\"phone\":\"555-0101\"}")]
    [InlineData("{\"phone\":\"15555550101\"}")]
    [InlineData("{\"phone\":\"+1 555 555 0101\"}")]
    [InlineData("{\"phone\":\"\"}")]
    [InlineData("{}")]
    [InlineData("{\"phone\":\"+15555550101\",\"customerId\":\"cust-john-smith\"}")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task Erase_BodyNamingNobody_Is400AndChangesNothing(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _app.CreateStaffClient(DemoTenant.Id).PostAsync(Route, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(await _customers.FindByPhoneAsync(DemoTenant.Id, John, CancellationToken.None));
    }

    [Theory]
    [InlineData("phone", "+15555550999")]
    [InlineData("customerId", "cust-nobody")]
    [InlineData("phone", SecondTenant.CustomerPhone)] // another shop's customer is nobody here
    public async Task Erase_UnknownCustomer_Is404(string field, string value)
    {
        using var response = await _app.CreateStaffClient(DemoTenant.Id).PostAsJsonAsync(Route, new JsonObject { [field] = value });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotNull(await _customers.FindByPhoneAsync(DemoTenant.Id, John, CancellationToken.None));
    }

    [Fact]
    public async Task Erase_ById_RemovesThatShopsCustomerOnly_AndAgainIs404()
    {
        using var staff = _app.CreateStaffClient(DemoTenant.Id);

        using var first = await staff.PostAsJsonAsync(Route, new { customerId = "cust-john-smith" });
        using var again = await staff.PostAsJsonAsync(Route, new { customerId = "cust-john-smith" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True((await first.Content.ReadFromJsonAsync<CustomerErasureReport>())!.CustomerRecord);
        Assert.Null(await _customers.FindByPhoneAsync(DemoTenant.Id, John, CancellationToken.None));
        Assert.Null(await _customers.FindAsync(DemoTenant.Id, "cust-john-smith", CancellationToken.None));
        Assert.Equal("John Smith", (await _customers.FindByPhoneAsync(SecondTenant.Id, John, CancellationToken.None))?.FullName);
        Assert.NotNull(await _customers.FindByPhoneAsync(DemoTenant.Id, Maria, CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Command_ErasesByPhoneThroughTheRoute_ThenSaysNoSuchCustomer()
    {
        var root = RepositoryRoot.Find();
        string[] arguments = ["tools/customer", "erase", "--url", _app.CreateClient().BaseAddress!.ToString(), "--token", _app.StaffTokenFor(DemoTenant.Id), "--tenant", DemoTenant.Id, "--phone", Maria];

        var erased = await ProcessRunner.RunAsync("bash", arguments, root, TimeSpan.FromSeconds(60));
        var again = await ProcessRunner.RunAsync("bash", arguments, root, TimeSpan.FromSeconds(60));

        Assert.True(erased.ExitCode == 0, erased.Output);
        Assert.True((bool?)JsonNode.Parse(erased.StandardOutput)?["customerRecord"], erased.Output);
        Assert.Null(await _customers.FindByPhoneAsync(DemoTenant.Id, Maria, CancellationToken.None));
        Assert.True(again.ExitCode == 3, again.Output);
    }
}
