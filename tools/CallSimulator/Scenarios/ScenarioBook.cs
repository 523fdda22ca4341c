using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.CallSimulator.Scenarios;

/// <summary>
/// The appointment book of one scenario run: writes the <c>given</c> appointments before the call (through the real
/// store, taking capacity like any booking) and reads back what the scenario booked and cancelled, and the appointment
/// whose reminder it checks.
/// </summary>
public static class ScenarioBook
{
    /// <summary>Books the <c>given</c> appointments (sending nothing); returns them as stored.</summary>
    public static async Task<IReadOnlyList<Appointment>> SeedAsync(IServiceProvider services, Scenario scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(scenario);
        var customers = services.GetRequiredService<CustomerStore>();
        var store = services.GetRequiredService<AppointmentStore>();
        var tenant = scenario.Tenant;
        var seeded = new List<Appointment>();
        for (var i = 0; i < scenario.Given.Count; i++)
        {
            var given = scenario.Given[i];
            var service = tenant.Services.FirstOrDefault(s => string.Equals(s.Name, given.Service, StringComparison.OrdinalIgnoreCase))
                ?? throw new ScenarioFileException($"{scenario.SourcePath}: given[{i}]: {tenant.Id} has no service '{given.Service}'.");
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

            seeded.Add(appointment);
        }

        return seeded;
    }

    /// <summary>
    /// Booked = still booked and not <c>given</c> (created during the scenario: by the call, or by a reminder call that
    /// moved one); cancelled = every appointment now cancelled (the book starts fresh).
    /// </summary>
    public static async Task<AppointmentOutcome> ReadAsync(IServiceProvider services, Scenario scenario, IReadOnlyCollection<Appointment> seeded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seeded);
        var book = await ListAsync(services, scenario, cancellationToken);
        var given = seeded.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        return new AppointmentOutcome(
            [.. book.Where(a => a.Status == AppointmentStatus.Booked && !given.Contains(a.Id)).Select(a => new ExpectedBooking(a.Service, a.Start))],
            [.. book.Where(a => a.Status == AppointmentStatus.Cancelled).Select(a => a.Start)]);
    }

    /// <summary>
    /// The appointment whose reminder <c>expect.reminder</c> reads, as stored now: the first <c>given</c> one of the
    /// caller (else the first given), or else the first one the inbound call booked; null when there is none.
    /// </summary>
    public static async Task<Appointment?> ReminderSubjectAsync(IServiceProvider services, Scenario scenario, IReadOnlyList<Appointment> seeded, string? inboundCallSid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seeded);
        var book = await ListAsync(services, scenario, cancellationToken);
        var given = seeded.FirstOrDefault(a => a.CustomerPhone == scenario.From) ?? (seeded.Count > 0 ? seeded[0] : null);
        return given is not null
            ? book.FirstOrDefault(a => a.Id == given.Id)
            : book.Where(a => inboundCallSid is not null && a.CallSid == inboundCallSid).OrderBy(a => a.CreatedAt).ThenBy(a => a.Start).FirstOrDefault();
    }

    private static async Task<IReadOnlyList<Appointment>> ListAsync(IServiceProvider services, Scenario scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(scenario);
        var day = scenario.Tenant.Time.Today(scenario.Now);
        return await services.GetRequiredService<AppointmentStore>().ListAsync(scenario.Tenant.Id, day.AddDays(-1), day.AddDays(120), customerId: null, cancellationToken);
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
