using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Tenants;
using static VoiceAgent.Core.Tests.Conversation.Llm.ModelToolsHarness;

namespace VoiceAgent.Core.Tests.Conversation.Llm;

/// <summary>
/// The two-step write through the model's tools, checked in storage: a booking, move or cancellation is read back
/// first and written only on the caller's next turn, when that turn is a yes and the call repeats the same arguments.
/// </summary>
public sealed class ModelToolsWriteGateTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly Dictionary<string, object?> OilChangeAt9 = new() { ["service"] = "oil change", ["start"] = "2026-12-02T09:00" };
    private ModelToolsHarness _shop = null!;

    public async Task InitializeAsync() => _shop = await CreateAsync(azurite);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Book_FirstCall_ReadsBackAndWritesNothing()
    {
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);

        var result = await call.InvokeAsync("book_appointment", OilChangeAt9);

        Assert.Equal("read_back", result.GetProperty("status").GetString());
        Assert.Contains("oil change", result.GetProperty("readBack").GetString(), StringComparison.Ordinal);
        Assert.Empty(await _shop.AllAppointmentsAsync());
    }

    [Fact]
    public async Task Book_SameArgumentsOnTheNextTurnAfterYes_WritesOnce()
    {
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);
        await call.InvokeAsync("book_appointment", OilChangeAt9);

        call.NextTurn(callerSaidYes: true);
        var booked = await call.InvokeAsync("book_appointment", OilChangeAt9);
        var again = await call.StatusOfAsync("book_appointment", OilChangeAt9);

        Assert.Equal("booked", booked.GetProperty("status").GetString());
        Assert.NotEqual("booked", again);
        var stored = Assert.Single(await _shop.AllAppointmentsAsync());
        Assert.Equal((booked.GetProperty("appointmentId").GetString(), John.Id, Local(12, 2, 9)), (stored.Id, stored.CustomerId, stored.Start));
        Assert.Single(call.Turn.Done);
    }

    [Fact]
    public async Task Book_NextTurnIsNotAYes_WritesNothing()
    {
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);
        await call.InvokeAsync("book_appointment", OilChangeAt9);

        call.NextTurn(callerSaidYes: false);
        var status = await call.StatusOfAsync("book_appointment", OilChangeAt9);
        var again = await call.StatusOfAsync("book_appointment", OilChangeAt9);

        Assert.Equal(("declined", "declined"), (status, again));
        Assert.Null(call.Conversation.Proposal);
        Assert.Empty(await _shop.AllAppointmentsAsync());
    }

    [Fact]
    public async Task Book_SecondCallInTheSameTurn_NeedsTheCallersYes()
    {
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: true);
        await call.InvokeAsync("book_appointment", OilChangeAt9);

        var status = await call.StatusOfAsync("book_appointment", OilChangeAt9);

        Assert.Equal("needs_yes", status);
        Assert.Empty(await _shop.AllAppointmentsAsync());
    }

    [Fact]
    public async Task Book_DifferentArgumentsOnTheYesTurn_IsANewReadBack()
    {
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);
        await call.InvokeAsync("book_appointment", OilChangeAt9);
        var at10 = new Dictionary<string, object?> { ["service"] = "oil change", ["start"] = "2026-12-02T10:00" };

        call.NextTurn(callerSaidYes: true);
        var changed = await call.StatusOfAsync("book_appointment", at10);
        Assert.Empty(await _shop.AllAppointmentsAsync());
        call.NextTurn(callerSaidYes: true);
        var booked = await call.StatusOfAsync("book_appointment", at10);

        Assert.Equal(("read_back", "booked"), (changed, booked));
        Assert.Equal(Local(12, 2, 10), Assert.Single(await _shop.AllAppointmentsAsync()).Start);
    }

    [Fact]
    public async Task Book_YesTwoTurnsAfterTheReadBack_IsANewReadBack()
    {
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);
        await call.InvokeAsync("book_appointment", OilChangeAt9);
        call.NextTurn(callerSaidYes: false);
        call.NextTurn(callerSaidYes: true);

        var status = await call.StatusOfAsync("book_appointment", OilChangeAt9);

        Assert.Equal("read_back", status);
        Assert.Empty(await _shop.AllAppointmentsAsync());
    }

    [Fact]
    public async Task Book_AnotherServiceNamedForTheSameSlot_IsANewReadBack()
    {
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);
        await call.InvokeAsync("book_appointment", OilChangeAt9);

        call.NextTurn(callerSaidYes: true);
        var status = await call.StatusOfAsync("book_appointment", new() { ["service"] = "tire rotation", ["start"] = "2026-12-02T09:00" });

        Assert.Equal("read_back", status);
        Assert.Empty(await _shop.AllAppointmentsAsync());
    }

    [Fact]
    public async Task Book_ProposalForAFullSlot_IsRefusedWithAlternatives()
    {
        var marias = await _shop.BookDirectAsync(Maria, "brake inspection", Local(12, 2, 10));
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);

        var result = await call.InvokeAsync("book_appointment", new() { ["service"] = "brake inspection", ["start"] = "2026-12-02T10:00" });

        Assert.Equal(("refused", "Full"), (result.GetProperty("status").GetString(), result.GetProperty("reason").GetString()));
        Assert.NotEmpty(result.GetProperty("alternatives").EnumerateArray());
        Assert.Equal([marias.Id], (await _shop.AllAppointmentsAsync()).Select(a => a.Id));
        Assert.Null(call.State.Proposed);
        Assert.NotEmpty(call.State.Offered);
    }

    [Fact]
    public async Task Book_RefusedSlotFreedBeforeTheYes_IsReadBackBeforeItIsWritten()
    {
        // The caller never heard a read-back of a refused slot, so their next yes cannot be to it.
        var marias = await _shop.BookDirectAsync(Maria, "brake inspection", Local(12, 2, 10));
        var brakesAt10 = new Dictionary<string, object?> { ["service"] = "brake inspection", ["start"] = "2026-12-02T10:00" };
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);
        Assert.Equal("refused", await call.StatusOfAsync("book_appointment", brakesAt10));
        await _shop.Shop.Scheduling.CancelAsync(DemoTenant.Profile, Maria.Id, marias.Id, null, CancellationToken.None);

        call.NextTurn(callerSaidYes: true);
        var status = await call.StatusOfAsync("book_appointment", brakesAt10);

        Assert.Equal("read_back", status);
        Assert.DoesNotContain(await _shop.AllAppointmentsAsync(), a => a.CustomerId == John.Id);
    }

    [Fact]
    public async Task Book_NewCallerWithName_RegistersThemOnlyOnTheYes()
    {
        var call = _shop.Call(null, callerNumber: "+15555550177");
        call.NextTurn(callerSaidYes: false);
        await call.InvokeAsync("set_caller_name", new() { ["name"] = "Ada Lovelace" });

        var readBack = await call.InvokeAsync("book_appointment", OilChangeAt9);
        var registeredEarly = await _shop.Shop.Customers.FindByPhoneAsync(DemoTenant.Id, "+15555550177", CancellationToken.None);
        call.NextTurn(callerSaidYes: true);
        var booked = await call.StatusOfAsync("book_appointment", OilChangeAt9);

        Assert.Contains("Ada Lovelace", readBack.GetProperty("readBack").GetString(), StringComparison.Ordinal);
        Assert.Null(registeredEarly);
        Assert.Equal("booked", booked);
        var customer = await _shop.Shop.Customers.FindByPhoneAsync(DemoTenant.Id, "+15555550177", CancellationToken.None);
        Assert.Equal(customer?.Id, Assert.Single(await _shop.AllAppointmentsAsync()).CustomerId);
    }

    [Theory]
    [InlineData("2026-12-01T14:00")] // today
    [InlineData("2026-12-02T09:00")] // tomorrow
    [InlineData("2026-12-04T10:00")] // a later day
    public async Task Book_ReadBack_SaysTheDayOnceAndPlainly(string start)
    {
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);

        var readBack = (await call.InvokeAsync("book_appointment", new() { ["service"] = "oil change", ["start"] = start })).GetProperty("readBack").GetString()!;

        Assert.DoesNotContain(" on on ", readBack, StringComparison.Ordinal);
        Assert.DoesNotContain(" on today", readBack, StringComparison.Ordinal);
        Assert.DoesNotContain(" on tomorrow", readBack, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_FirstCallReadsBack_TheYesOnTheNextTurnCancels()
    {
        var johns = await _shop.BookDirectAsync(John, "oil change", Local(12, 3, 10));
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);

        var first = await call.InvokeAsync("cancel_appointment", new() { ["appointmentId"] = johns.Id });
        var afterReadBack = await FindAsync(johns.Id);
        call.NextTurn(callerSaidYes: true);
        var second = await call.StatusOfAsync("cancel_appointment", new() { ["appointmentId"] = johns.Id });

        Assert.Equal("read_back", first.GetProperty("status").GetString());
        Assert.Contains("oil change", first.GetProperty("readBack").GetString(), StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Booked, afterReadBack.Status);
        Assert.Equal("cancelled", second);
        Assert.Equal(AppointmentStatus.Cancelled, (await FindAsync(johns.Id)).Status);
    }

    [Fact]
    public async Task Cancel_NoYes_LeavesTheAppointmentBooked()
    {
        var johns = await _shop.BookDirectAsync(John, "oil change", Local(12, 3, 10));
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);
        await call.InvokeAsync("cancel_appointment", new() { ["appointmentId"] = johns.Id });

        call.NextTurn(callerSaidYes: false);
        var status = await call.StatusOfAsync("cancel_appointment", new() { ["appointmentId"] = johns.Id });

        Assert.Equal("declined", status);
        Assert.Equal(AppointmentStatus.Booked, (await FindAsync(johns.Id)).Status);
    }

    [Fact]
    public async Task Cancel_SomeoneElsesId_IsNotFoundOnBothStepsAndChangesNothing()
    {
        var marias = await _shop.BookDirectAsync(Maria, "oil change", Local(12, 2, 11));
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);

        var first = await call.StatusOfAsync("cancel_appointment", new() { ["appointmentId"] = marias.Id });
        call.NextTurn(callerSaidYes: true);
        var second = await call.StatusOfAsync("cancel_appointment", new() { ["appointmentId"] = marias.Id });

        Assert.Equal(("not_found", "not_found"), (first, second));
        Assert.Null(call.Conversation.Proposal);
        Assert.Equal(AppointmentStatus.Booked, (await FindAsync(marias.Id)).Status);
    }

    [Fact]
    public async Task Reschedule_FirstCallReadsBack_TheYesOnTheNextTurnMovesItOnce()
    {
        var johns = await _shop.BookDirectAsync(John, "oil change", Local(12, 3, 10));
        var move = new Dictionary<string, object?> { ["appointmentId"] = johns.Id, ["newStart"] = "2026-12-04T10:00" };
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);

        var first = await call.InvokeAsync("reschedule_appointment", move);
        var afterReadBack = await _shop.AllAppointmentsAsync();
        call.NextTurn(callerSaidYes: true);
        var second = await call.StatusOfAsync("reschedule_appointment", move);

        Assert.Equal("read_back", first.GetProperty("status").GetString());
        Assert.Equal([(johns.Id, AppointmentStatus.Booked)], afterReadBack.Select(a => (a.Id, a.Status)));
        Assert.Equal("moved", second);
        var booked = Assert.Single(await _shop.AllAppointmentsAsync(), a => a.Status == AppointmentStatus.Booked);
        Assert.Equal((John.Id, Local(12, 4, 10)), (booked.CustomerId, booked.Start));
    }

    [Fact]
    public async Task Reschedule_ReadBack_SaysTheNewDayOnceAndPlainly()
    {
        var johns = await _shop.BookDirectAsync(John, "oil change", Local(12, 3, 10));
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);

        var readBack = (await call.InvokeAsync("reschedule_appointment", new() { ["appointmentId"] = johns.Id, ["newStart"] = "2026-12-04T10:00" }))
            .GetProperty("readBack").GetString()!;

        Assert.DoesNotContain(" to on ", readBack, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reschedule_SomeoneElsesId_IsNotFoundOnBothStepsAndChangesNothing()
    {
        var marias = await _shop.BookDirectAsync(Maria, "oil change", Local(12, 2, 11));
        var move = new Dictionary<string, object?> { ["appointmentId"] = marias.Id, ["newStart"] = "2026-12-03T10:00" };
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);

        var first = await call.StatusOfAsync("reschedule_appointment", move);
        call.NextTurn(callerSaidYes: true);
        var second = await call.StatusOfAsync("reschedule_appointment", move);

        Assert.Equal(("not_found", "not_found"), (first, second));
        var stored = Assert.Single(await _shop.AllAppointmentsAsync());
        Assert.Equal((marias.Id, AppointmentStatus.Booked, marias.Start), (stored.Id, stored.Status, stored.Start));
    }

    [Fact]
    public async Task Reschedule_ToAFullSlot_IsRefusedWithAlternatives()
    {
        await _shop.BookDirectAsync(Maria, "brake inspection", Local(12, 4, 10));
        var johns = await _shop.BookDirectAsync(John, "brake inspection", Local(12, 3, 10));
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);

        var result = await call.InvokeAsync("reschedule_appointment", new() { ["appointmentId"] = johns.Id, ["newStart"] = "2026-12-04T10:00" });

        Assert.Equal(("refused", "Full"), (result.GetProperty("status").GetString(), result.GetProperty("reason").GetString()));
        Assert.NotEmpty(result.GetProperty("alternatives").EnumerateArray());
        Assert.Equal(Local(12, 3, 10), (await FindAsync(johns.Id)).Start);
    }

    private async Task<Appointment> FindAsync(string id) =>
        await _shop.Shop.Appointments.FindAsync(DemoTenant.Id, id, CancellationToken.None) ?? throw new InvalidOperationException($"{id} is gone.");
}
