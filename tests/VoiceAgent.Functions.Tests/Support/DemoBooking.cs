using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Functions.Tests.Support;

/// <summary>A booking of a demo-tenant customer made outside any call (as an import), taking capacity like any other.</summary>
internal static class DemoBooking
{
    public static async Task<Appointment> BookAsync(AppointmentStore store, string phone, string serviceName, DateTimeOffset start, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var tenant = DemoTenant.Profile;
        var service = tenant.Services.Single(s => s.Name == serviceName);
        var customer = DemoTenant.Customers.Single(c => c.PhoneNumber == phone);
        var appointment = new Appointment
        {
            Id = $"{tenant.Time.DayOf(start):yyyyMMdd}-seed{Guid.NewGuid().ToString("N")[..6]}",
            TenantId = tenant.Id,
            CustomerId = customer.Id,
            CustomerPhone = customer.PhoneNumber,
            CustomerName = customer.FullName,
            Service = service.Name,
            Start = start.ToUniversalTime(),
            End = start.AddMinutes(service.DurationMinutes).ToUniversalTime(),
            Channel = "seed",
            CreatedAt = createdAt,
        };
        var outcome = await store.TryBookAsync(appointment, tenant.Time.DayOf(start), SchedulingService.Cells(tenant, service, start), service.Capacity, cancellationToken);
        return outcome == BookingOutcome.Booked ? appointment : throw new InvalidOperationException($"{serviceName} at {start:O} could not be booked: {outcome}.");
    }
}
