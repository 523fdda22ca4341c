using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Functions.Tests.Support;
using VoiceAgent.Functions.Workflows;

namespace VoiceAgent.Functions.Tests.Staff;

/// <summary>
/// A deletion request end to end, on real storage, the real Durable engine, the Twilio stand-in and a Google Calendar
/// stand-in: John Smith books by phone (the follow-up workflow creates the calendar event and texts him), leaves a message
/// for the staff, and has a past appointment with his car on it; the same number is a customer of another shop too. After
/// the request, no row of any of the app's tables nor of its task hub's tables, and no calendar event, carries his number,
/// name, car or message; his appointments stay with their times, services and capacity; the other shop's customer stays.
/// </summary>
public sealed class CustomerErasureTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string John = TwilioWebhookClient.JohnSmith;

    /// <summary>What must not be left anywhere: his number's digits, his names, his car, the message he left.</summary>
    private static readonly string[] Traces = ["5555550101", "John", "Smith", "Civic", "Jeep"];

    [Fact]
    public async Task Erase_CustomerWithCallsAppointmentsWorkflowsAndEvents_LeavesNoTraceAndKeepsTheAppointments()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        var token = WorkflowApp.NewAuthToken();
        await using var twilio = await WorkflowApp.StartTwilioAsync(token);
        await using var app = await FunctionsApp.StartAsync(azurite.ConnectionString, settings: WorkflowApp.Settings(twilio, new Dictionary<string, string>
        {
            ["GoogleCalendar:CalendarId"] = "shop@example.com",
            ["GoogleCalendar:ClientId"] = FakeGoogleCalendarServer.ClientId,
            ["GoogleCalendar:ClientSecret"] = FakeGoogleCalendarServer.ClientSecret,
            ["GoogleCalendar:RefreshToken"] = FakeGoogleCalendarServer.RefreshToken,
            ["GoogleCalendar:BaseUrl"] = google.BaseUrl,
            ["GoogleCalendar:TokenUrl"] = google.TokenUrl,
        }), staffTenants: [DemoTenant.Id, SecondTenant.Id], authToken: token);
        var store = app.Services.GetRequiredService<AppointmentStore>();
        var customers = app.Services.GetRequiredService<CustomerStore>();
        await SecondTenant.SeedAsync(app.Services.GetRequiredService<TenantStore>(), store, CancellationToken.None);
        await customers.SaveAsync(DemoTenant.Customers[0] with { TenantId = SecondTenant.Id }, CancellationToken.None);
        var calls = new TwilioWebhookClient(app.CreateClient(), app.AuthToken);

        await calls.PlayCallAsync(["oil change tomorrow at 9 am", "yes", "no thanks"]);
        await calls.PlayCallAsync(["can I leave a message for the service guys", "tell Mike the parts for my Jeep came in", "thanks, bye"]);
        var elsewhere = await calls.PlayCallAsync(["what are your hours", "no thanks"], John, SecondTenant.Number);
        var pastStart = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(-6));
        var past = await DemoBooking.BookAsync(store, John, "oil change", pastStart, pastStart.AddDays(-3), CancellationToken.None);
        await store.SetVehicleAsync(past, new DateOnly(2026, 11, 20), new Vehicle(2019, "Honda", "Civic", "1HGBH41JXMN109186"), CancellationToken.None);
        Assert.True(await app.WaitForWorkflowsQuietAsync(TimeSpan.FromSeconds(90)), "the booking's follow-up did not finish");

        var before = await BookOfJohnAsync(store);
        var booked = Assert.Single(before, a => a.Start > FunctionsApp.Now);
        Assert.NotNull(booked.CalendarEventId);
        Assert.Contains("John Smith", (string?)google.Events[booked.CalendarEventId!]["summary"], StringComparison.Ordinal);
        var instances = before.SelectMany(a => DurableWorkflowHistoryEraser.InstanceIds(DemoTenant.Profile, a.Id)).ToList();
        Assert.NotEmpty(await ExistingInstancesAsync(app, instances));
        Assert.NotEmpty(await TracesInStorageAsync(app)); // the scan sees him before, so it would see him after
        var cellsBefore = await CellsAsync(app, booked.Day!.Value);

        using var response = await app.CreateStaffClient(DemoTenant.Id).PostAsJsonAsync($"/api/tenants/{DemoTenant.Id}/customers/erase", new { phone = John });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<CustomerErasureReport>();
        Assert.Equal((DemoTenant.Id, 2, 6, 2, true), (report!.TenantId, report.Calls, report.Turns, report.Appointments, report.CustomerRecord));
        Assert.True(report.WorkflowInstances >= 1, $"{report.WorkflowInstances} workflow instances purged");
        Assert.Empty(await TracesInStorageAsync(app));
        Assert.Empty(await ExistingInstancesAsync(app, instances));
        Assert.DoesNotContain(google.Events.Values, e => Traces.Any(t => e.ToJsonString().Contains(t, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal("Oil change — (erased)", (string?)google.Events[booked.CalendarEventId!]["summary"]);

        var after = await store.ListAsync(DemoTenant.Id, new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31), ErasedCustomer.Id, CancellationToken.None);
        Assert.Equal(before.Select(a => (a.Id, a.Start, a.End, a.Service, a.Status)), after.Select(a => (a.Id, a.Start, a.End, a.Service, a.Status)));
        Assert.All(after, a => Assert.Equal((ErasedCustomer.Name, string.Empty, (Vehicle?)null), (a.CustomerName, a.CustomerPhone, a.Vehicle)));
        Assert.Equal(cellsBefore, await CellsAsync(app, booked.Day!.Value));

        Assert.NotNull(await customers.FindByPhoneAsync(SecondTenant.Id, John, CancellationToken.None));
        Assert.NotNull(await app.Services.GetRequiredService<CallSessionStore>().FindAsync(SecondTenant.Id, elsewhere, CancellationToken.None));
        Assert.NotNull(await store.FindAsync(SecondTenant.Id, new DateOnly(2026, 12, 2), SecondTenant.AppointmentId, CancellationToken.None));
    }

    private static async Task<IReadOnlyList<Appointment>> BookOfJohnAsync(AppointmentStore store) =>
        await store.ListAsync(DemoTenant.Id, new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31), "cust-john-smith", CancellationToken.None);

    private static async Task<List<string>> ExistingInstancesAsync(FunctionsApp app, IEnumerable<string> instanceIds)
    {
        var found = new List<string>();
        foreach (var id in instanceIds)
        {
            if (await app.Workflows.GetInstanceAsync(id, getInputsAndOutputs: true) is not null)
            {
                found.Add(id);
            }
        }

        return found;
    }

    /// <summary>
    /// Every row of every table of this app (its own and its task hub's: they share the prefix) that carries one of
    /// <see cref="Traces"/>, outside the other shop's partitions, as "table/partition/row: property".
    /// </summary>
    private async Task<List<string>> TracesInStorageAsync(FunctionsApp app)
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        var hits = new List<string>();
        await foreach (var table in service.QueryAsync())
        {
            if (!table.Name.StartsWith(app.TablePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                if (row.PartitionKey.StartsWith(SecondTenant.Id, StringComparison.Ordinal))
                {
                    continue;
                }

                hits.AddRange(row
                    .Where(p => Traces.Any(t => Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)?.Contains(t, StringComparison.OrdinalIgnoreCase) == true))
                    .Select(p => $"{table.Name}/{row.PartitionKey}/{row.RowKey}: {p.Key}"));
            }
        }

        return hits;
    }

    /// <summary>The capacity cells of the demo shop's <paramref name="day"/> and their counts.</summary>
    private async Task<Dictionary<string, int>> CellsAsync(FunctionsApp app, DateOnly day)
    {
        var schedule = new TableClient(azurite.ConnectionString, app.TableName("Schedule"));
        var cells = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var row in schedule.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {$"{DemoTenant.Id}|{day:yyyy-MM-dd}"}")))
        {
            if (row.RowKey.StartsWith("cell|", StringComparison.Ordinal))
            {
                cells[row.RowKey] = row.GetInt32("Count") ?? 0;
            }
        }

        return cells;
    }
}
