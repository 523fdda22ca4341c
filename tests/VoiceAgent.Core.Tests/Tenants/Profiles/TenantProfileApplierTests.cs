using Microsoft.Extensions.Time.Testing;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Staff;
using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Storage;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Tenants.Profiles;

namespace VoiceAgent.Core.Tests.Tenants.Profiles;

/// <summary>Applying profiles to real storage (Azurite): create, unchanged, updates that keep the data, and refusals.</summary>
public sealed class TenantProfileApplierTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 15, 0, TimeSpan.FromHours(-6));
    private static readonly TenantProfile Shop = DemoTenant.Profile;

    [Fact]
    public async Task Apply_New_Creates_ThenTheSameAgain_IsUnchangedAndWritesNothing()
    {
        var (tables, applier) = await NewAsync();

        var first = await applier.ApplyAsync(Shop, CancellationToken.None);
        var tenantEtag = (await tables.Tenants.GetEntityAsync<Azure.Data.Tables.TableEntity>("tenant", Shop.Id)).Value.ETag;
        var numberEtag = (await tables.TenantNumbers.GetEntityAsync<Azure.Data.Tables.TableEntity>(Shop.PhoneNumber, "tenant")).Value.ETag;
        var second = await applier.ApplyAsync(TenantProfileReader.Read(File.ReadAllText(Path.Combine(VoiceAgent.LocalStack.RepositoryRoot.Find(), "tenants", "northside-auto.yaml"))).Profile!, CancellationToken.None);

        Assert.Equal((ApplyOutcome.Created, ApplyOutcome.Unchanged), (first.Outcome, second.Outcome));
        Assert.Equal(tenantEtag, (await tables.Tenants.GetEntityAsync<Azure.Data.Tables.TableEntity>("tenant", Shop.Id)).Value.ETag);
        Assert.Equal(numberEtag, (await tables.TenantNumbers.GetEntityAsync<Azure.Data.Tables.TableEntity>(Shop.PhoneNumber, "tenant")).Value.ETag);
    }

    [Fact]
    public async Task Apply_NumberAnotherTenantOwns_IsRefused_AndWritesNothing()
    {
        var (tables, applier) = await NewAsync();
        await applier.ApplyAsync(Shop, CancellationToken.None);
        var rival = Shop with { Id = "rival-shop", Name = "Rival", AdditionalNumbers = [] };

        var result = await applier.ApplyAsync(rival, CancellationToken.None);

        Assert.Equal(ApplyOutcome.Refused, result.Outcome);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("numbers[0]", problem.Field);
        Assert.Contains("already reaches tenant 'northside-auto'", problem.Message, StringComparison.Ordinal);
        var tenants = new TenantStore(tables);
        Assert.Null(await tenants.FindStoredAsync("rival-shop", CancellationToken.None));
        Assert.Equal(Shop.Id, await tenants.FindTenantIdByNumberAsync(Shop.PhoneNumber, CancellationToken.None));
    }

    [Fact]
    public async Task Apply_TimeZoneChange_WithAFutureAppointment_IsRefused_WithoutOne_Updates()
    {
        var (tables, applier) = await NewAsync();
        await applier.ApplyAsync(Shop, CancellationToken.None);
        await BookAsync(tables, "2026-12-02T09:00:00-06:00", "oil change");
        var moved = Shop with { TimeZoneId = "America/Denver" };

        var refused = await applier.ApplyAsync(moved, CancellationToken.None);

        Assert.Equal(ApplyOutcome.Refused, refused.Outcome);
        Assert.Equal("time_zone", Assert.Single(refused.Problems).Field);
        Assert.Contains("1 future appointment(s)", refused.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal("America/Chicago", (await new TenantStore(tables).FindAsync(Shop.Id, CancellationToken.None))!.TimeZoneId);

        var (emptyTables, emptyApplier) = await NewAsync();
        await emptyApplier.ApplyAsync(Shop, CancellationToken.None);
        Assert.Equal(ApplyOutcome.Updated, (await emptyApplier.ApplyAsync(moved, CancellationToken.None)).Outcome);
        Assert.Equal("America/Denver", (await new TenantStore(emptyTables).FindAsync(Shop.Id, CancellationToken.None))!.TimeZoneId);
    }

    [Fact]
    public async Task Apply_NewHoursAndServices_ListsTheAppointmentsTheyWouldNotAllow_AndKeepsEverything()
    {
        var (tables, applier) = await NewAsync();
        await applier.ApplyAsync(Shop, CancellationToken.None);
        await new CustomerStore(tables).SaveAsync(DemoTenant.Customers[0], CancellationToken.None);
        await BookAsync(tables, "2026-12-02T16:00:00-06:00", "brake inspection"); // ends 17:00: outside hours closing at 16:00
        await BookAsync(tables, "2026-12-03T09:00:00-06:00", "diagnostic");       // the service goes
        await BookAsync(tables, "2026-12-03T10:00:00-06:00", "oil change");       // still fine
        var weekdays = Shop.WeeklyHours.Where(h => h.Day != DayOfWeek.Saturday).Select(h => h with { Closes = new TimeOnly(16, 0) });
        var changed = Shop with
        {
            WeeklyHours = [.. weekdays, Shop.HoursOn(DayOfWeek.Saturday)!],
            Services = [.. Shop.Services.Where(s => s.Name != "diagnostic")],
        };

        var result = await applier.ApplyAsync(changed, CancellationToken.None);

        Assert.Equal(ApplyOutcome.Updated, result.Outcome);
        Assert.Equal(["brake inspection", "diagnostic"], result.NoLongerAllowed.Select(a => a.Service));
        var kept = await new AppointmentStore(tables).ListAsync(Shop.Id, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), customerId: null, CancellationToken.None);
        Assert.Equal(3, kept.Count(a => a.Status == AppointmentStatus.Booked));
        Assert.NotNull(await new CustomerStore(tables).FindByPhoneAsync(Shop.Id, DemoTenant.Customers[0].PhoneNumber, CancellationToken.None));
    }

    [Fact]
    public async Task Apply_ChangedNumbers_MapsTheNewAndReleasesTheDropped()
    {
        var (tables, applier) = await NewAsync();
        await applier.ApplyAsync(Shop with { AdditionalNumbers = ["+15555550110"] }, CancellationToken.None);

        await applier.ApplyAsync(Shop with { AdditionalNumbers = ["+15555550111"] }, CancellationToken.None);

        var tenants = new TenantStore(tables);
        Assert.Null(await tenants.FindTenantIdByNumberAsync("+15555550110", CancellationToken.None));
        Assert.Equal(Shop.Id, await tenants.FindTenantIdByNumberAsync("+15555550111", CancellationToken.None));
        Assert.Equal(Shop.Id, await tenants.FindTenantIdByNumberAsync(Shop.PhoneNumber, CancellationToken.None));
    }

    [Fact]
    public async Task Apply_Staff_FollowsTheProfile_AndAPersonOfAnotherShopIsRefused()
    {
        var (tables, applier) = await NewAsync();
        var staff = new StaffDirectory(tables);
        await applier.ApplyAsync(Shop with { Staff = ["dana", "lee"] }, CancellationToken.None);
        await applier.ApplyAsync(Shop with { Staff = ["dana"] }, CancellationToken.None);

        Assert.Equal(Shop.Id, await staff.FindTenantAsync("dana", CancellationToken.None));
        Assert.Null(await staff.FindTenantAsync("lee", CancellationToken.None));

        var poaching = await applier.ApplyAsync(Shop with { Id = "other-shop", PhoneNumber = "+15555550200", Staff = ["dana"] }, CancellationToken.None);
        Assert.Equal(ApplyOutcome.Refused, poaching.Outcome);
        Assert.Equal("staff[0]", Assert.Single(poaching.Problems).Field);
        Assert.Equal(Shop.Id, await staff.FindTenantAsync("dana", CancellationToken.None));
    }

    [Fact]
    public async Task Deactivate_StopsCallsAndTheSweep_KeepsTheData_AndApplyReactivates()
    {
        var (tables, applier) = await NewAsync();
        var tenants = new TenantStore(tables);
        await applier.ApplyAsync(Shop, CancellationToken.None);
        await BookAsync(tables, "2026-12-02T09:00:00-06:00", "oil change");

        Assert.True(await tenants.DeactivateAsync(Shop.Id, CancellationToken.None));

        Assert.Null(await tenants.FindTenantIdByNumberAsync(Shop.PhoneNumber, CancellationToken.None));
        Assert.Empty(await tenants.ListAsync(CancellationToken.None));
        Assert.False((await tenants.FindStoredAsync(Shop.Id, CancellationToken.None))!.Active);
        Assert.Single(await new AppointmentStore(tables).ListAsync(Shop.Id, new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 2), customerId: null, CancellationToken.None));

        Assert.Equal(ApplyOutcome.Updated, (await applier.ApplyAsync(Shop, CancellationToken.None)).Outcome);
        Assert.Equal(Shop.Id, await tenants.FindTenantIdByNumberAsync(Shop.PhoneNumber, CancellationToken.None));
        Assert.Single(await tenants.ListAsync(CancellationToken.None));
        Assert.False(await tenants.DeactivateAsync("no-such-shop", CancellationToken.None));
    }

    private async Task<(VoiceAgentTables Tables, TenantProfileApplier Applier)> NewAsync()
    {
        var tables = await azurite.NewTablesAsync();
        return (tables, new TenantProfileApplier(new TenantStore(tables), new AppointmentStore(tables), new StaffDirectory(tables), new FakeTimeProvider(Now)));
    }

    private static async Task BookAsync(VoiceAgentTables tables, string start, string service)
    {
        var at = DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();
        var offering = Shop.Services.Single(s => s.Name == service);
        var outcome = await new AppointmentStore(tables).TryBookAsync(
            new Appointment
            {
                Id = $"{Shop.Time.DayOf(at):yyyyMMdd}-{service.Replace(' ', '-')}",
                TenantId = Shop.Id,
                CustomerId = DemoTenant.Customers[0].Id,
                CustomerPhone = DemoTenant.Customers[0].PhoneNumber,
                Service = service,
                Start = at,
                End = at.AddMinutes(offering.DurationMinutes),
            },
            Shop.Time.DayOf(at),
            SchedulingService.Cells(Shop, offering, at),
            offering.Capacity,
            CancellationToken.None);
        Assert.Equal(BookingOutcome.Booked, outcome);
    }
}
