using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Functions.Staff;
using VoiceAgent.Functions.Tests.Support;

namespace VoiceAgent.Functions.Tests.Staff;

public sealed class StaffApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private FunctionsAppFactory _app = null!;

    public Task InitializeAsync()
    {
        _app = new FunctionsAppFactory(azurite.Server.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ListAppointments_NoToken_Returns401()
    {
        var response = await _app.CreateClient().GetAsync($"/api/tenants/{DemoTenant.Id}/appointments");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ListAppointments_WrongToken_Returns401()
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");

        var response = await client.GetAsync($"/api/tenants/{DemoTenant.Id}/appointments");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ListAppointments_WithToken_ReturnsTheBookInShopTime()
    {
        var client = StaffClient();
        var store = _app.Services.GetRequiredService<AppointmentStore>();
        var start = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(-6));
        await store.TryBookAsync(
            new Appointment
            {
                Id = "appt-1",
                TenantId = DemoTenant.Id,
                CustomerId = "cust-john-smith",
                CustomerPhone = "+15555550101",
                CustomerName = "John Smith",
                Service = "oil change",
                Start = start.ToUniversalTime(),
                End = start.AddMinutes(30).ToUniversalTime(),
            },
            new DateOnly(2026, 12, 2),
            [start.ToUniversalTime()],
            2,
            CancellationToken.None);

        var book = await client.GetFromJsonAsync<List<AppointmentView>>($"/api/tenants/{DemoTenant.Id}/appointments?from=2026-12-01&to=2026-12-03");

        var appointment = Assert.Single(book!);
        Assert.Equal("oil change", appointment.Service);
        Assert.Equal(start, appointment.Start);
        Assert.Equal(TimeSpan.FromHours(-6), appointment.Start.Offset);
    }

    [Theory]
    [InlineData("from=yesterday")]
    [InlineData("from=2026-12-10&to=2026-12-01")]
    [InlineData("from=2026-01-01&to=2026-12-31")]
    public async Task ListAppointments_BadRange_Returns400(string query)
    {
        var response = await StaffClient().GetAsync($"/api/tenants/{DemoTenant.Id}/appointments?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ListAppointments_UnknownTenant_Returns404()
    {
        var response = await StaffClient().GetAsync("/api/tenants/no-such-shop/appointments");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private HttpClient StaffClient()
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _app.StaffToken);
        return client;
    }
}
