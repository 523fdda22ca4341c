using VoiceAgent.Core.Conversation;
using static VoiceAgent.Core.Tests.Conversation.Llm.ModelToolsHarness;

namespace VoiceAgent.Core.Tests.Conversation.Llm;

/// <summary>
/// The model's tools keep the structured call state (<see cref="DialogState"/>) current, so the offline engine can carry
/// the call on from it: what is checked, read back, written and in focus.
/// </summary>
public sealed class ModelToolsCallStateTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private ModelToolsHarness _shop = null!;

    public async Task InitializeAsync() => _shop = await CreateAsync(azurite);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CheckAvailability_FreeTime_RecordsTheTaskAndTheSlotFoundFree()
    {
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);

        var result = await call.InvokeAsync("check_availability", new() { ["service"] = "oil", ["date"] = "2026-12-02", ["time"] = "09:00" });

        Assert.Equal("Free", result.GetProperty("status").GetString());
        var state = call.State;
        Assert.Equal(
            (DialogTask.Book, "oil change", new DateOnly(2026, 12, 2), new TimeOnly(9, 0), Local(12, 2, 9), DialogStage.AwaitTime),
            (state.Task, state.Service, state.Date, state.Time, state.Proposed, state.Stage));
        Assert.Empty(state.Offered);
        Assert.True(call.Turn.ChangedCallState);
    }

    [Fact]
    public async Task CheckAvailability_FullTime_KeepsNoProposalAndOffersTheAlternatives()
    {
        await _shop.BookDirectAsync(Maria, "brake inspection", Local(12, 2, 10));
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);

        var result = await call.InvokeAsync("check_availability", new() { ["service"] = "brake inspection", ["date"] = "2026-12-02", ["time"] = "10:00" });

        Assert.Equal("Full", result.GetProperty("status").GetString());
        var alternatives = result.GetProperty("times").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.NotEmpty(alternatives);
        Assert.Null(call.State.Proposed);
        Assert.Equal(alternatives, call.State.Offered.Select(o => DemoTenantLocal(o)));
        Assert.Equal((DialogTask.Book, new TimeOnly(10, 0)), (call.State.Task, call.State.Time));
    }

    [Fact]
    public async Task CheckAvailability_NoTime_ListsTheDayAndOffersAtMostThree()
    {
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);
        call.State.Proposed = Local(12, 3, 9);

        var result = await call.InvokeAsync("check_availability", new() { ["service"] = "oil change", ["date"] = "2026-12-02" });

        Assert.Equal("free_times", result.GetProperty("status").GetString());
        var times = result.GetProperty("times").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.True(times.Count > 3, "the demo shop has a whole free day");
        Assert.Equal(times.Take(3), call.State.Offered.Select(o => DemoTenantLocal(o)));
        Assert.Equal((null, null, new DateOnly(2026, 12, 2)), (call.State.Time, call.State.Proposed, call.State.Date));
    }

    [Fact]
    public async Task CheckAvailability_WhileMovingAnAppointment_StaysAMove()
    {
        var johns = await _shop.BookDirectAsync(John, "oil change", Local(12, 3, 10));
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);
        await call.InvokeAsync("reschedule_appointment", new() { ["appointmentId"] = johns.Id, ["newStart"] = "2026-12-04T10:00" });

        await call.InvokeAsync("check_availability", new() { ["service"] = "oil change", ["date"] = "2026-12-04", ["time"] = "11:00" });

        Assert.Equal((DialogTask.Reschedule, johns.Id), (call.State.Task, call.State.AppointmentId));
    }

    [Theory]
    [InlineData("diagnostic", "2026-12-02", "9 o'clock")]
    [InlineData("a spaceship wash", "2026-12-02", "09:00")]
    [InlineData("oil change", "December 2nd", "09:00")]
    public async Task CheckAvailability_UnreadableArguments_AreInvalidAndLeaveNoSlot(string service, string date, string time)
    {
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);

        var result = await call.InvokeAsync("check_availability", new() { ["service"] = service, ["date"] = date, ["time"] = time });

        Assert.Equal("invalid", result.GetProperty("status").GetString());
        Assert.Null(call.State.Proposed);
    }

    [Fact]
    public async Task BookProposal_AwaitsTheConfirmationOfThatSlot()
    {
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);

        await call.InvokeAsync("book_appointment", new() { ["service"] = "oil change", ["start"] = "2026-12-02T09:00" });

        var state = call.State;
        Assert.Equal((DialogTask.Book, "oil change", Local(12, 2, 9), DialogStage.AwaitConfirmation), (state.Task, state.Service, state.Proposed, state.Stage));
        Assert.True(call.Turn.ChangedCallState);
        Assert.Equal(1, call.Conversation.Proposal?.Turn);
    }

    [Fact]
    public async Task BookWrite_ClearsTheTaskAndFocusesTheNewAppointment()
    {
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);
        await call.InvokeAsync("book_appointment", new() { ["service"] = "oil change", ["start"] = "2026-12-02T09:00" });
        call.NextTurn(callerSaidYes: true);

        var booked = await call.InvokeAsync("book_appointment", new() { ["service"] = "oil change", ["start"] = "2026-12-02T09:00" });

        var state = call.State;
        Assert.Equal((DialogTask.None, DialogStage.None, (DateTimeOffset?)null), (state.Task, state.Stage, state.Proposed));
        Assert.Equal(
            (booked.GetProperty("appointmentId").GetString(), new DateOnly(2026, 12, 2), new TimeOnly(9, 0), "oil change"),
            (state.FocusAppointmentId, state.FocusDay, state.FocusTime, state.FocusService));
        Assert.Null(call.Conversation.Proposal);
    }

    [Fact]
    public async Task CancelProposal_AwaitsTheConfirmationOfThatAppointment()
    {
        var johns = await _shop.BookDirectAsync(John, "oil change", Local(12, 3, 10));
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);

        await call.InvokeAsync("cancel_appointment", new() { ["appointmentId"] = johns.Id });

        Assert.Equal((DialogTask.Cancel, johns.Id, DialogStage.AwaitConfirmation), (call.State.Task, call.State.AppointmentId, call.State.Stage));
    }

    [Fact]
    public async Task CancelWrite_ClearsTheTaskAndTheFocus()
    {
        var johns = await _shop.BookDirectAsync(John, "oil change", Local(12, 3, 10));
        var call = _shop.Call(John);
        call.State.Focus(johns.Id, new DateOnly(2026, 12, 3), new TimeOnly(10, 0), "oil change");
        call.NextTurn(callerSaidYes: false);
        await call.InvokeAsync("cancel_appointment", new() { ["appointmentId"] = johns.Id });
        call.NextTurn(callerSaidYes: true);

        await call.InvokeAsync("cancel_appointment", new() { ["appointmentId"] = johns.Id });

        Assert.Equal((DialogTask.None, (string?)null, (string?)null), (call.State.Task, call.State.AppointmentId, call.State.FocusAppointmentId));
        Assert.Single(call.Turn.Done);
    }

    [Fact]
    public async Task RescheduleProposal_RecordsTheMoveAndTheNewSlot()
    {
        var johns = await _shop.BookDirectAsync(John, "oil change", Local(12, 3, 10));
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);

        await call.InvokeAsync("reschedule_appointment", new() { ["appointmentId"] = johns.Id, ["newStart"] = "2026-12-04T10:00" });

        var state = call.State;
        Assert.Equal(
            (DialogTask.Reschedule, johns.Id, "oil change", new DateOnly(2026, 12, 4), new TimeOnly(10, 0), Local(12, 4, 10), DialogStage.AwaitConfirmation),
            (state.Task, state.AppointmentId, state.Service, state.Date, state.Time, state.Proposed, state.Stage));
    }

    [Fact]
    public async Task RescheduleWrite_FocusesTheMovedAppointment()
    {
        var johns = await _shop.BookDirectAsync(John, "oil change", Local(12, 3, 10));
        var move = new Dictionary<string, object?> { ["appointmentId"] = johns.Id, ["newStart"] = "2026-12-04T10:00" };
        var call = _shop.Call(John);
        call.NextTurn(callerSaidYes: false);
        await call.InvokeAsync("reschedule_appointment", move);
        call.NextTurn(callerSaidYes: true);

        var moved = await call.InvokeAsync("reschedule_appointment", move);

        var state = call.State;
        Assert.Equal(DialogTask.None, state.Task);
        Assert.Equal(
            (moved.GetProperty("appointmentId").GetString(), new DateOnly(2026, 12, 4), new TimeOnly(10, 0)),
            (state.FocusAppointmentId, state.FocusDay, state.FocusTime));
    }

    [Fact]
    public async Task SetCallerName_RecordsTheNameForTheCallState()
    {
        var call = _shop.Call(null);
        call.NextTurn(callerSaidYes: false);

        await call.InvokeAsync("set_caller_name", new() { ["name"] = "  Ada Lovelace " });

        Assert.Equal("Ada Lovelace", call.State.CallerName);
    }

    private static string DemoTenantLocal(DateTimeOffset instant) =>
        Core.Tenants.DemoTenant.Profile.Time.Local(instant).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
