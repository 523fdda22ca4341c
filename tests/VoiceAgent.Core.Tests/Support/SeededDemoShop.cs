using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Calendars;
using VoiceAgent.Core.Conversation.Tools;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Vehicles;

namespace VoiceAgent.Core.Tests.Support;

/// <summary>The demo shop seeded in fresh Azurite tables, with the booking services and agent tools built on it by hand.</summary>
public sealed record SeededDemoShop(AppointmentStore Appointments, CustomerStore Customers, SchedulingService Scheduling, AgentToolsFactory Tools)
{
    public static async Task<SeededDemoShop> CreateAsync(AzuriteFixture azurite, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var tables = await azurite.NewTablesAsync();
        var clock = new FakeTimeProvider(now);
        var customers = new CustomerStore(tables);
        await new DemoTenantSeeder(new TenantStore(tables), customers, Options.Create(new DemoOptions())).SeedAsync(CancellationToken.None);
        var appointments = new AppointmentStore(tables);
        var scheduling = new SchedulingService(appointments, new BuiltInCalendarProvider(), new Core.Workflows.FollowUpStore(tables, clock), TestTelemetry.Create(), clock, NullLogger<SchedulingService>.Instance);
        return new SeededDemoShop(appointments, customers, scheduling, new AgentToolsFactory(scheduling, customers, new OfflineVinDecoder(clock)));
    }
}
