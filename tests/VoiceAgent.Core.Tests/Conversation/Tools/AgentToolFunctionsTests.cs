using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Calendars;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Conversation.Tools;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Tests.Support;
using VoiceAgent.Core.Vehicles;

namespace VoiceAgent.Core.Tests.Conversation.Tools;

/// <summary>The tools as an LLM sees them: names, arguments as text, and authorization by the verified caller only.</summary>
public sealed class AgentToolFunctionsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 15, 0, TimeSpan.FromHours(-6));
    private AgentToolsFactory _factory = null!;
    private AppointmentStore _store = null!;
    private SchedulingService _scheduling = null!;

    public async Task InitializeAsync()
    {
        var shop = await SeededDemoShop.CreateAsync(azurite, Now);
        _store = shop.Appointments;
        _scheduling = shop.Scheduling;
        _factory = shop.Tools;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Create_ExposesEveryToolWithADescription()
    {
        var functions = AgentToolFunctions.Create(Tools(John));

        Assert.Equal(
            ["book_appointment", "business_info", "cancel_appointment", "check_availability", "confirm_appointment", "decode_vin", "find_customer", "list_my_appointments", "list_services", "reschedule_appointment", "set_caller_name", "take_message", "transfer_to_human", "verify_pin"],
            functions.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.All(functions, f => Assert.False(string.IsNullOrWhiteSpace(f.Description)));
    }

    [Fact]
    public async Task BookAppointment_ForVerifiedCaller_WritesOneAppointment()
    {
        var result = await Invoke(Tools(John), "book_appointment", new() { ["service"] = "oil change", ["start"] = "2026-12-02T09:00" });

        Assert.True(result.GetProperty("done").GetBoolean());
        var book = await _store.ListAsync(DemoTenant.Id, new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 2), "cust-john-smith", CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(-6)), Assert.Single(book).Start);
    }

    [Fact]
    public async Task CancelAppointment_SomeoneElsesId_ChangesNothing()
    {
        var marias = await BookForAsync(Maria, "2026-12-02T11:00");

        var result = await Invoke(Tools(John), "cancel_appointment", new() { ["appointmentId"] = marias });

        Assert.False(result.GetProperty("done").GetBoolean());
        var stored = await _store.FindAsync(DemoTenant.Id, new DateOnly(2026, 12, 2), marias, CancellationToken.None);
        Assert.Equal(AppointmentStatus.Booked, stored!.Status);
    }

    [Fact]
    public async Task RescheduleAppointment_SomeoneElsesId_ChangesNothing()
    {
        var marias = await BookForAsync(Maria, "2026-12-02T11:00");

        var result = await Invoke(Tools(John), "reschedule_appointment", new() { ["appointmentId"] = marias, ["newStart"] = "2026-12-03T10:00" });

        Assert.False(result.GetProperty("done").GetBoolean());
        var book = await _store.ListAsync(DemoTenant.Id, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 4), null, CancellationToken.None);
        Assert.Equal(AppointmentStatus.Booked, Assert.Single(book).Status);
    }

    [Fact]
    public async Task ListMyAppointments_ShowsOnlyTheCallersOwn()
    {
        await BookForAsync(Maria, "2026-12-02T11:00");
        var johns = await BookForAsync(John, "2026-12-03T10:00");

        var result = await Invoke(Tools(John), "list_my_appointments", []);

        Assert.Equal(johns, Assert.Single(result.EnumerateArray()).GetProperty("appointmentId").GetString());
    }

    [Fact]
    public async Task CheckAvailability_ClosedSunday_SaysWhyAndOffersMonday()
    {
        var result = await Invoke(Tools(John), "check_availability", new() { ["service"] = "tire rotation", ["date"] = "2026-12-06", ["time"] = "10:00" });

        Assert.Equal("ClosedDay", result.GetProperty("status").GetString());
        Assert.StartsWith("2026-12-07T08:00", result.GetProperty("times")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BookAppointment_NewCallerWithoutName_AsksForTheNameFirst()
    {
        var result = await Invoke(Tools(null), "book_appointment", new() { ["service"] = "oil change", ["start"] = "2026-12-02T09:00" });

        Assert.False(result.GetProperty("done").GetBoolean());
        Assert.Contains("name", result.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyPin_WrongThreeTimes_Locks()
    {
        var tools = Tools(null);

        var answers = new List<string?>();
        foreach (var pin in new[] { "1111", "2222", "3333", "4321" })
        {
            answers.Add((await Invoke(tools, "verify_pin", new() { ["accountPhone"] = "+15555550101", ["pin"] = pin })).GetString());
        }

        Assert.Equal(["Wrong", "Wrong", "Locked", "Locked"], answers);
    }

    [Fact]
    public async Task VerifyPin_ByFullName_VerifiesThatAccountOnly()
    {
        var tools = Tools(null);

        var wrongName = (await Invoke(tools, "verify_pin", new() { ["fullName"] = "Bob Jones", ["pin"] = "4321" })).GetString();
        var rightName = (await Invoke(tools, "verify_pin", new() { ["fullName"] = "john smith", ["pin"] = "4321" })).GetString();

        Assert.Equal("Wrong", wrongName);
        Assert.Equal("Verified", rightName);
        Assert.Equal("John", (await tools.FindCustomerAsync(CancellationToken.None))?.FirstName);
    }

    [Fact]
    public async Task DecodeVin_ValidVin_NamesTheVehicle()
    {
        var result = await Invoke(Tools(John), "decode_vin", new() { ["vin"] = "1HGCM82633A004352" });

        Assert.True(result.GetProperty("valid").GetBoolean());
        Assert.Contains("Honda", result.GetProperty("vehicle").GetString(), StringComparison.Ordinal);
    }

    private static Customer John => DemoTenant.Customers[0];

    private static Customer Maria => DemoTenant.Customers[1];

    private AgentTools Tools(Customer? caller) =>
        _factory.For(new ConversationContext(DemoTenant.Profile, "CA" + new string('7', 32), caller?.PhoneNumber ?? "+15555550177", caller, Now), new DialogState());

    private async Task<string> BookForAsync(Customer customer, string start)
    {
        var result = await Invoke(Tools(customer), "book_appointment", new() { ["service"] = "oil change", ["start"] = start });
        return result.GetProperty("appointmentId").GetString()!;
    }

    private static async Task<JsonElement> Invoke(AgentTools tools, string name, Dictionary<string, object?> arguments)
    {
        var function = AgentToolFunctions.Create(tools).Single(f => f.Name == name);
        var result = await function.InvokeAsync(new AIFunctionArguments(arguments), CancellationToken.None);
        return result is JsonElement element ? element : JsonSerializer.SerializeToElement(result, AIJsonUtilities.DefaultOptions);
    }
}
