using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Messaging;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Workflows;

namespace VoiceAgent.Core.Tests.Calls;

/// <summary>A finished call's outcome, summary and flags, from its own state: what staff read in the call history.</summary>
public sealed class CallWrapUpsTests
{
    private static readonly DateTimeOffset Started = new(2026, 12, 1, 15, 15, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WednesdayNine = new(2026, 12, 2, 15, 0, 0, TimeSpan.Zero); // 9:00 AM in Chicago

    private readonly CallWrapUps _wrapUps = new(new AppointmentTexts());

    [Fact]
    public void Build_CallThatBooked_IsBookedWithTheAppointmentInTheShopsTime()
    {
        var dialog = new DialogState { Changes = [new CallChange(ChangeKind.Booked, "appt-1", "oil change", WednesdayNine)] };

        var wrapUp = _wrapUps.Build(DemoTenant.Profile, Session(dialog, firstName: "John", seconds: 95), [Turn(1, 120), Turn(2, 80)]);

        Assert.Equal("booked", wrapUp.Outcome);
        Assert.Equal(["booked"], wrapUp.Outcomes);
        Assert.Equal(["appt-1"], wrapUp.AppointmentIds);
        Assert.Equal("John called (2 min). Booked an oil change for Wed, Dec 2 at 9:00 AM.", wrapUp.Summary);
        Assert.Empty(wrapUp.Flags);
        Assert.Equal(120, wrapUp.SlowestTurnMilliseconds);
    }

    [Fact]
    public void Build_CallThatMovedOneAndCancelledAnother_ListsBothRescheduledFirst()
    {
        var dialog = new DialogState
        {
            Changes =
            [
                new CallChange(ChangeKind.Cancelled, "appt-2", "tire rotation", WednesdayNine.AddDays(2)),
                new CallChange(ChangeKind.Rescheduled, "appt-3", "oil change", WednesdayNine),
            ],
        };

        var wrapUp = _wrapUps.Build(DemoTenant.Profile, Session(dialog, firstName: "Maria", seconds: 40), [Turn(1, 90)]);

        Assert.Equal("rescheduled", wrapUp.Outcome);
        Assert.Equal(["rescheduled", "cancelled"], wrapUp.Outcomes);
        Assert.Equal(["appt-2", "appt-3"], wrapUp.AppointmentIds);
        Assert.Equal("Maria called (40 s). Cancelled a tire rotation for Fri, Dec 4 at 9:00 AM; moved an oil change to Wed, Dec 2 at 9:00 AM.", wrapUp.Summary);
    }

    [Fact]
    public void Build_TransferAfterTwoMisunderstandings_IsTransferredAndFlagged()
    {
        var parts = DemoTenant.Profile.TransferTargets.Single(t => t.Department == "parts");
        var dialog = new DialogState { Misunderstandings = 2 };

        var wrapUp = _wrapUps.Build(DemoTenant.Profile, Session(dialog, transferredTo: parts.Target), [Turn(1, 100), Turn(2, 100), Turn(3, 100)]);

        Assert.Equal("transferred", wrapUp.Outcome);
        Assert.Equal([CallFlags.TransferAfterFailures], wrapUp.Flags);
        Assert.Equal("A customer called. Nothing was booked, moved or cancelled. Handed to parts.", wrapUp.Summary);
    }

    [Fact]
    public void Build_HangUpWhileBooking_IsNothingAndFlagged()
    {
        var dialog = new DialogState { Task = DialogTask.Book };

        var wrapUp = _wrapUps.Build(DemoTenant.Profile, Session(dialog, customerId: null), [Turn(1, 100)]);

        Assert.Equal("nothing", wrapUp.Outcome);
        Assert.Empty(wrapUp.Outcomes);
        Assert.Equal([CallFlags.HungUpMidTask], wrapUp.Flags);
        Assert.Equal("A new caller called. Nothing was booked, moved or cancelled. Hung up while booking.", wrapUp.Summary);
    }

    [Fact]
    public void Build_MessageTakenAndASlowTurn_IsMessageFlaggedSlow()
    {
        var dialog = new DialogState { CallerName = "Dana", MessagesForStaff = ["Please call me back about the brake quote"] };

        var wrapUp = _wrapUps.Build(DemoTenant.Profile, Session(dialog, customerId: null), [Turn(1, 200), Turn(2, 3500)]);

        Assert.Equal("message", wrapUp.Outcome);
        Assert.Equal([CallFlags.SlowTurn], wrapUp.Flags);
        Assert.Equal(3500, wrapUp.SlowestTurnMilliseconds);
        Assert.Equal("Dana called. Nothing was booked, moved or cancelled. Left a message for staff: \"Please call me back about the brake quote\".", wrapUp.Summary);
    }

    [Fact]
    public void Build_TheModelApologised_IsFlaggedApologyFallback()
    {
        var apology = new CallTurn(1, "book me in", null, 0.9, VoiceAgent.Core.Conversation.Llm.ModelConversationEngine.Apology + " What day works?", "Listen", Started, 400);

        var wrapUp = _wrapUps.Build(DemoTenant.Profile, Session(new DialogState()), [Turn(0, 100), apology]);

        Assert.Equal([CallFlags.ApologyFallback], wrapUp.Flags);
    }

    [Fact]
    public void Build_AWebhookAnsweredWithTheApology_IsFlaggedApologyFallback()
    {
        var wrapUp = _wrapUps.Build(DemoTenant.Profile, Session(new DialogState()) with { HeardApology = true }, [Turn(0, 100)]);

        Assert.Equal([CallFlags.ApologyFallback], wrapUp.Flags);
    }

    [Fact]
    public void Build_NoTurns_HasNoSlowestTurn()
    {
        var wrapUp = _wrapUps.Build(DemoTenant.Profile, Session(new DialogState()), []);

        Assert.Null(wrapUp.SlowestTurnMilliseconds);
        Assert.Equal("nothing", wrapUp.Outcome);
    }

    private static CallSession Session(DialogState dialog, string? firstName = null, int? seconds = null, string? transferredTo = null, string? customerId = "cust-1") => new()
    {
        TenantId = DemoTenant.Id,
        CallSid = "CA01",
        CallerNumber = "+15555550101",
        CustomerId = customerId,
        CustomerFirstName = firstName,
        StartedAt = Started,
        DurationSeconds = seconds,
        TransferredTo = transferredTo,
        Dialog = dialog,
    };

    private static CallTurn Turn(int index, double milliseconds) => new(index, "words", null, 0.9, "reply", "Listen", Started, milliseconds);
}
