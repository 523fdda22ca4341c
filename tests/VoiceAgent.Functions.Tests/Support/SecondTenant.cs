using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Functions.Tests.Support;

/// <summary>
/// Southside Auto Care: a second shop, the demo profile under another id and number, with one appointment of its own
/// whose every detail is unique to it, so a test can tell whether any of it leaked into another tenant's answer.
/// </summary>
public static class SecondTenant
{
    public const string Id = "southside-auto";
    public const string Number = "+15555550200";
    public const string CustomerName = "Bianca Southwell";
    public const string CustomerPhone = "+15555550222";
    public const string AppointmentId = "appt-southside-0001";

    public static TenantProfile Profile { get; } = DemoTenant.Profile with { Id = Id, Name = "Southside Auto Care", PhoneNumber = Number };

    /// <summary>
    /// The app with both shops' staff signed in by dev tokens (and <paramref name="moreStaffTenants"/>), this shop seeded:
    /// the start of every test that checks one shop's staff see nothing of the other's.
    /// </summary>
    public static async Task<FunctionsApp> StartAppAsync(string storageConnectionString, params string[] moreStaffTenants)
    {
        var app = await FunctionsApp.StartAsync(storageConnectionString, staffTenants: [DemoTenant.Id, Id, .. moreStaffTenants]);
        await SeedAsync(app.Services.GetRequiredService<TenantStore>(), app.Services.GetRequiredService<AppointmentStore>(), CancellationToken.None);
        return app;
    }

    /// <summary>Saves the profile (and its number) and books its appointment, on Wednesday 2026-12-02 at 10:00 shop time.</summary>
    public static async Task SeedAsync(TenantStore tenants, AppointmentStore appointments, CancellationToken cancellationToken)
    {
        await tenants.SaveAsync(Profile, cancellationToken);
        var start = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(-6)).ToUniversalTime();
        var appointment = new Appointment
        {
            Id = AppointmentId,
            TenantId = Id,
            CustomerId = "cust-bianca-southwell",
            CustomerPhone = CustomerPhone,
            CustomerName = CustomerName,
            Service = "tire rotation",
            Start = start,
            End = start.AddMinutes(30),
        };
        var outcome = await appointments.TryBookAsync(appointment, new DateOnly(2026, 12, 2), [start], 2, cancellationToken);
        if (outcome != BookingOutcome.Booked)
        {
            throw new InvalidOperationException($"Seeding {Id}'s appointment: {outcome}.");
        }
    }
}
