using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Functions.Staff;
using VoiceAgent.Functions.Tests.Support;

namespace VoiceAgent.Functions.Tests.Staff;

/// <summary>
/// The staff appointment book, signed in with per-tenant dev tokens: over HTTP through the local Functions host
/// (<c>ListAppointments_…</c>) and called directly (<c>ListAsync_…</c>). A second tenant with a book of its own is
/// seeded beside the demo tenant, so every answer is also checked for what it must not show.
/// </summary>
public sealed class StaffAppointmentsFunctionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    /// <summary>A tenant whose staff can sign in but which has no profile (not, or no longer, set up).</summary>
    private const string UnknownTenant = "no-such-shop";

    private static readonly DateTimeOffset NineAm = new(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(-6));

    private FunctionsApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await SecondTenant.StartAppAsync(azurite.Server.ConnectionString, UnknownTenant);
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
        await BookDemoAppointmentAsync();

        var book = await _app.CreateStaffClient(DemoTenant.Id).GetFromJsonAsync<List<AppointmentView>>($"/api/tenants/{DemoTenant.Id}/appointments?from=2026-12-01&to=2026-12-03");

        var appointment = Assert.Single(book!);
        Assert.Equal("oil change", appointment.Service);
        Assert.Equal(NineAm, appointment.Start);
        Assert.Equal(TimeSpan.FromHours(-6), appointment.Start.Offset);
    }

    [Fact]
    public async Task ListAppointments_OwnTenantsToken_ReturnsOnlyThatTenantsBook()
    {
        await BookDemoAppointmentAsync();

        var response = await _app.CreateStaffClient(DemoTenant.Id).GetAsync($"/api/tenants/{DemoTenant.Id}/appointments?from=2026-12-02&to=2026-12-02");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var book = await response.Content.ReadFromJsonAsync<List<AppointmentView>>();
        Assert.Equal(["appt-1"], book!.Select(a => a.Id));
    }

    [Fact]
    public async Task ListAppointments_OtherTenantsToken_Returns403WithNoneOfItsData()
    {
        var response = await _app.CreateStaffClient(DemoTenant.Id).GetAsync($"/api/tenants/{SecondTenant.Id}/appointments?from=2026-12-02&to=2026-12-02");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.All(
            [SecondTenant.AppointmentId, SecondTenant.CustomerName, SecondTenant.CustomerPhone, SecondTenant.Profile.Name, SecondTenant.Number, "tire rotation"],
            data => Assert.DoesNotContain(data, body, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("from=yesterday")]
    [InlineData("from=2026-12-10&to=2026-12-01")]
    [InlineData("from=2026-01-01&to=2026-12-31")]
    public async Task ListAppointments_BadRange_Returns400(string query)
    {
        var response = await _app.CreateStaffClient(DemoTenant.Id).GetAsync($"/api/tenants/{DemoTenant.Id}/appointments?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ListAppointments_UnknownTenant_Returns404()
    {
        var response = await _app.CreateStaffClient(UnknownTenant).GetAsync($"/api/tenants/{UnknownTenant}/appointments");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ListAsync_DevToken_ReturnsTheTenantsBook()
    {
        await BookDemoAppointmentAsync();
        var request = FunctionRequest.Get(_app.Services, $"/api/tenants/{DemoTenant.Id}/appointments", "?from=2026-12-01&to=2026-12-03", _app.StaffTokenFor(DemoTenant.Id));

        var result = await ActivatorUtilities.CreateInstance<StaffAppointmentsFunction>(_app.Services).ListAsync(request, DemoTenant.Id);

        var book = Assert.IsType<Ok<IReadOnlyList<AppointmentView>>>(result).Value!;
        Assert.Equal(["appt-1"], book.Select(a => a.Id));
    }

    [Fact]
    public async Task ListAsync_NoToken_Returns401()
    {
        var request = FunctionRequest.Get(_app.Services, $"/api/tenants/{DemoTenant.Id}/appointments");

        var result = await ActivatorUtilities.CreateInstance<StaffAppointmentsFunction>(_app.Services).ListAsync(request, DemoTenant.Id);

        Assert.Equal(StatusCodes.Status401Unauthorized, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
    }

    /// <summary>An oil change for John Smith on Wednesday 2026-12-02 at 09:00 shop time (<c>appt-1</c>).</summary>
    private async Task BookDemoAppointmentAsync()
    {
        var start = NineAm.ToUniversalTime();
        var outcome = await _app.Services.GetRequiredService<AppointmentStore>().TryBookAsync(
            new Appointment
            {
                Id = "appt-1",
                TenantId = DemoTenant.Id,
                CustomerId = "cust-john-smith",
                CustomerPhone = "+15555550101",
                CustomerName = "John Smith",
                Service = "oil change",
                Start = start,
                End = start.AddMinutes(30),
            },
            new DateOnly(2026, 12, 2),
            [start],
            2,
            CancellationToken.None);
        Assert.Equal(BookingOutcome.Booked, outcome);
    }
}
