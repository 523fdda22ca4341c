using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Conversation.Llm;
using VoiceAgent.Core.Tenants;
using static VoiceAgent.Core.Tests.Conversation.Llm.ModelToolsHarness;

namespace VoiceAgent.Core.Tests.Conversation.Llm;

/// <summary>The tools as the model sees them: names, arguments as JSON, and authorization by the verified caller only.</summary>
public sealed class ModelToolsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private ModelToolsHarness _shop = null!;

    public async Task InitializeAsync() => _shop = await CreateAsync(azurite);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Create_ExposesEveryToolWithADescription()
    {
        var functions = _shop.Call(John).Functions;

        Assert.Equal(
            ["book_appointment", "business_info", "cancel_appointment", "check_availability", "confirm_appointment", "decode_vin", "end_call", "find_customer", "list_my_appointments", "list_services", "reschedule_appointment", "set_caller_name", "take_message", "transfer_to_human", "verify_pin"],
            functions.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.All(functions, f => Assert.False(string.IsNullOrWhiteSpace(f.Description)));
    }

    [Theory]
    [InlineData("check_availability", "time")]
    [InlineData("transfer_to_human", "department")]
    [InlineData("verify_pin", "accountPhone")]
    [InlineData("verify_pin", "fullName")]
    public void Create_OptionalArguments_AreNotRequiredInTheSchema(string tool, string argument)
    {
        var schema = _shop.Call(John).Functions.Single(f => f.Name == tool).JsonSchema;

        Assert.True(schema.GetProperty("properties").TryGetProperty(argument, out _), schema.ToString());
        var required = schema.TryGetProperty("required", out var list) ? list.EnumerateArray().Select(r => r.GetString()).ToList() : [];
        Assert.DoesNotContain(argument, required);
    }

    [Fact]
    public void Create_EveryToolName_IsStoppedByTheReplyGuard()
    {
        var names = _shop.Call(John).Functions.Select(f => f.Name);

        Assert.All(names, name => Assert.False(ReplyGuard.Allows($"Let me use {name} for that."), name));
    }

    [Fact]
    public async Task ToolResult_AsStoredInTheHistory_IsCompactJson()
    {
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);
        var result = await call.Functions.Single(f => f.Name == "list_services").InvokeAsync(new Microsoft.Extensions.AI.AIFunctionArguments(), CancellationToken.None);

        var stored = HistoryMessages.FromMessages([new(Microsoft.Extensions.AI.ChatRole.Tool, [new Microsoft.Extensions.AI.FunctionResultContent("c1", result)])]).Single();

        Assert.StartsWith("[{\"name\":\"oil change\"", stored.Result, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', stored.Result!);
    }

    [Fact]
    public async Task ListMyAppointments_ShowsOnlyTheCallersOwn()
    {
        await _shop.BookDirectAsync(Maria, "oil change", Local(12, 2, 11));
        var johns = await _shop.BookDirectAsync(John, "oil change", Local(12, 3, 10));
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);

        var result = await call.InvokeAsync("list_my_appointments", []);

        Assert.Equal(johns.Id, Assert.Single(result.EnumerateArray()).GetProperty("appointmentId").GetString());
        Assert.Equal([johns.Id], call.State.Listed);
    }

    [Fact]
    public async Task ListMyAppointments_CallerNotOnFileAndNotVerified_ListsNothing()
    {
        await _shop.BookDirectAsync(John, "oil change", Local(12, 3, 10));
        var call = _shop.Call(null);
        call.NextTurn(callerSaidYes: false);

        var result = await call.InvokeAsync("list_my_appointments", []);

        Assert.Empty(result.EnumerateArray());
    }

    [Fact]
    public async Task CheckAvailability_ClosedSunday_SaysWhyAndOffersMonday()
    {
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);

        var result = await call.InvokeAsync("check_availability", new() { ["service"] = "tire rotation", ["date"] = "2026-12-06", ["time"] = "10:00" });

        Assert.Equal("ClosedDay", result.GetProperty("status").GetString());
        Assert.StartsWith("2026-12-07T08:00", result.GetProperty("times")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BookAppointment_NewCallerWithoutName_AsksForTheNameFirst()
    {
        var call = _shop.Call(null);
        call.NextTurn(callerSaidYes: false);

        var result = await call.InvokeAsync("book_appointment", new() { ["service"] = "oil change", ["start"] = "2026-12-02T09:00" });

        Assert.Equal("invalid", result.GetProperty("status").GetString());
        Assert.Contains("name", result.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Null(call.Conversation.Proposal);
    }

    [Fact]
    public async Task VerifyPin_WrongThreeTimes_Locks()
    {
        var call = _shop.Call(null);
        call.NextTurn(callerSaidYes: false);

        var answers = new List<string?>();
        foreach (var pin in new[] { "1111", "2222", "3333", "4321" })
        {
            answers.Add((await call.InvokeAsync("verify_pin", new() { ["accountPhone"] = "+15555550101", ["pin"] = pin })).GetString());
        }

        Assert.Equal(["Wrong", "Wrong", "Locked", "Locked"], answers);
        Assert.Null(call.State.CustomerId);
    }

    [Fact]
    public async Task VerifyPin_ByFullName_VerifiesThatAccountOnly()
    {
        var call = _shop.Call(null);
        call.NextTurn(callerSaidYes: false);

        var wrongName = (await call.InvokeAsync("verify_pin", new() { ["fullName"] = "Bob Jones", ["pin"] = "4321" })).GetString();
        var rightName = (await call.InvokeAsync("verify_pin", new() { ["fullName"] = "john smith", ["pin"] = "4321" })).GetString();

        Assert.Equal("Wrong", wrongName);
        Assert.Equal("Verified", rightName);
        Assert.Equal(John.Id, call.State.CustomerId);
        var found = await call.InvokeAsync("find_customer", []);
        Assert.Equal("John Smith", found.GetProperty("name").GetString());
    }

    [Fact]
    public async Task VerifyPin_ThenListMyAppointments_ListsTheVerifiedAccountsOwn()
    {
        var johns = await _shop.BookDirectAsync(John, "oil change", Local(12, 3, 10));
        await _shop.BookDirectAsync(Maria, "oil change", Local(12, 3, 11));
        var call = _shop.Call(null);
        call.NextTurn(callerSaidYes: false);

        await call.InvokeAsync("verify_pin", new() { ["accountPhone"] = "+15555550101", ["pin"] = "4321" });
        var result = await call.InvokeAsync("list_my_appointments", []);

        Assert.Equal(johns.Id, Assert.Single(result.EnumerateArray()).GetProperty("appointmentId").GetString());
    }

    [Fact]
    public async Task DecodeVin_ValidVin_NamesTheVehicle()
    {
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);

        var result = await call.InvokeAsync("decode_vin", new() { ["vin"] = "1HGCM82633A004352" });

        Assert.True(result.GetProperty("valid").GetBoolean());
        Assert.Contains("Honda", result.GetProperty("vehicle").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecodeVin_BadCheckDigit_IsNotValid()
    {
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);

        var result = await call.InvokeAsync("decode_vin", new() { ["vin"] = "1HGCM82633A004353" });

        Assert.False(result.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task ConfirmAppointment_SomeoneElsesId_IsNotFound()
    {
        var marias = await _shop.BookDirectAsync(Maria, "oil change", Local(12, 2, 11));
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: true);

        var status = await call.StatusOfAsync("confirm_appointment", new() { ["appointmentId"] = marias.Id });

        Assert.Equal("not_found", status);
        var stored = await _shop.Shop.Appointments.FindAsync(DemoTenant.Id, marias.Id, CancellationToken.None);
        Assert.Equal(AppointmentStatus.Booked, stored!.Status);
        Assert.NotEqual(ReminderOutcome.Confirmed, stored.Reminder.Outcome);
    }

    [Fact]
    public async Task TransferToHuman_WithoutDepartment_MakesTheTurnATransferToTheServiceDesk()
    {
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);

        var result = await call.InvokeAsync("transfer_to_human", []);

        Assert.True(result.GetProperty("available").GetBoolean());
        Assert.Equal("service desk", call.Turn.Transfer?.Department);
    }

    [Fact]
    public async Task TransferToHuman_Parts_MakesTheTurnATransferToParts()
    {
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);

        await call.InvokeAsync("transfer_to_human", new() { ["department"] = "parts" });

        Assert.Equal("parts", call.Turn.Transfer?.Department);
    }

    [Fact]
    public async Task EndCall_MakesTheTurnEndTheCall()
    {
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);

        await call.InvokeAsync(ModelTools.EndCall, []);

        Assert.True(call.Turn.EndsCall);
        Assert.Null(call.Turn.Transfer);
    }

    [Fact]
    public async Task TakeMessage_KeepsTheMessageForTheStaff()
    {
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);

        await call.InvokeAsync("take_message", new() { ["message"] = "Please call me back about the brakes." });

        Assert.Equal(["Please call me back about the brakes."], call.State.MessagesForStaff);
    }
}
