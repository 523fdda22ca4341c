using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.CallSimulator.Scenarios;

/// <summary>
/// The appointment book of one scenario run: writes the <c>given</c> appointments before the call (through the real
/// store, taking capacity like any booking) and reads back what the call booked and cancelled.
/// </summary>
public static class ScenarioBook
{
    public static async Task SeedAsync(IServiceProvider services, Scenario scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(scenario);
        var customers = services.GetRequiredService<CustomerStore>();
        var store = services.GetRequiredService<AppointmentStore>();
        var tenant = DemoTenant.Profile;
        for (var i = 0; i < scenario.Given.Count; i++)
        {
            var given = scenario.Given[i];
            var service = tenant.Services.FirstOrDefault(s => string.Equals(s.Name, given.Service, StringComparison.OrdinalIgnoreCase))
                ?? throw new ScenarioFileException($"{scenario.SourcePath}: given[{i}]: the demo tenant has no service '{given.Service}'.");
            var customer = await customers.FindByPhoneAsync(tenant.Id, given.Customer, cancellationToken) ?? await AddCustomerAsync(customers, tenant, given.Customer, cancellationToken);
            var appointment = new Appointment
            {
                Id = $"{tenant.Time.DayOf(given.Start):yyyyMMdd}-given{i:D2}",
                TenantId = tenant.Id,
                CustomerId = customer.Id,
                CustomerPhone = customer.PhoneNumber,
                CustomerName = customer.FullName,
                Service = service.Name,
                Start = given.Start.ToUniversalTime(),
                End = given.Start.AddMinutes(service.DurationMinutes).ToUniversalTime(),
                Channel = "seed",
                CreatedAt = scenario.Now,
            };
            var outcome = await store.TryBookAsync(appointment, tenant.Time.DayOf(given.Start), SchedulingService.Cells(tenant, service, given.Start), service.Capacity, cancellationToken);
            if (outcome != BookingOutcome.Booked)
            {
                throw new ScenarioFileException($"{scenario.SourcePath}: given[{i}]: {service.Name} at {given.Start:O} could not be booked ({outcome}).");
            }
        }
    }

    /// <summary>Booked = still booked and created on this call; cancelled = every appointment now cancelled (the book starts fresh).</summary>
    public static async Task<AppointmentOutcome> ReadAsync(IServiceProvider services, Scenario scenario, string callSid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(scenario);
        var day = DemoTenant.Profile.Time.Today(scenario.Now);
        var book = await services.GetRequiredService<AppointmentStore>().ListAsync(DemoTenant.Id, day.AddDays(-1), day.AddDays(120), customerId: null, cancellationToken);
        return new AppointmentOutcome(
            [.. book.Where(a => a.Status == AppointmentStatus.Booked && a.CallSid == callSid).Select(a => new ExpectedBooking(a.Service, a.Start))],
            [.. book.Where(a => a.Status == AppointmentStatus.Cancelled).Select(a => a.Start)]);
    }

    private static async Task<Customer> AddCustomerAsync(CustomerStore customers, TenantProfile tenant, string phone, CancellationToken cancellationToken)
    {
        var customer = new Customer
        {
            Id = "cust-given-" + phone.TrimStart('+'),
            TenantId = tenant.Id,
            FirstName = "Pat",
            LastName = "Given",
            PhoneNumber = phone,
        };
        await customers.SaveAsync(customer, cancellationToken);
        return customer;
    }
}
