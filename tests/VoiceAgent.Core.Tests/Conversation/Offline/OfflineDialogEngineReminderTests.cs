using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Conversation.Offline;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Tests.Support;

namespace VoiceAgent.Core.Tests.Conversation.Offline;

/// <summary>
/// The reminder dialog through the engine and the real tools on Azurite: the shop's reminder call answered by voice or
/// keypad (1 confirms, 2 reschedules, 3 cancels, 0 asks for a person), a no, silence, side questions, other requests, and
/// the offer to a known caller whose reminder went unconfirmed.
/// </summary>
public sealed class OfflineDialogEngineReminderTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string ReminderCallSid = "CA99999999999999999999999999999999";
    private const string Question = "Can you make your tire rotation tomorrow, Thursday, December 3rd at 10 AM? "
        + "You can say yes, or press 1 to confirm, 2 to reschedule, 3 to cancel, or 0 to talk to someone.";

    private static readonly DateTimeOffset WednesdayMorning = new(2026, 12, 2, 10, 5, 0, TimeSpan.FromHours(-6));
    private static readonly DateTimeOffset ThursdayTen = new(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(-6));
    private static readonly DateTimeOffset FridayNine = new(2026, 12, 4, 9, 0, 0, TimeSpan.FromHours(-6));
    private static readonly Customer John = DemoTenant.Customers[0];
    private static readonly Customer Maria = DemoTenant.Customers[1];
    private SeededDemoShop _shop = null!;
    private OfflineDialogEngine _engine = null!;

    public async Task InitializeAsync()
    {
        _shop = await SeededDemoShop.CreateAsync(azurite, WednesdayMorning);
        _engine = new OfflineDialogEngine(_shop.Tools);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GreetForReminder_BookedAppointment_RemindsInTheShopsZoneAndFocusesOnIt()
    {
        var appointment = await GivenAsync(Maria, "tire rotation", ThursdayTen);
        var state = new DialogState();

        var reply = _engine.GreetForReminder(Context(Maria), state, appointment);

        Assert.Equal(
            "Hi Maria, this is Northside Auto Care with a reminder about your tire rotation tomorrow, Thursday, December 3rd at 10 AM. Can you make it? "
            + "You can say yes, or press 1 to confirm, 2 to reschedule, 3 to cancel, or 0 to talk to someone.",
            reply.Speech);
        Assert.Equal(CallAction.Listen, reply.Action);
        Assert.Equal(DialogStage.AwaitReminderAnswer, state.Stage);
        Assert.Equal(appointment.Id, state.FocusAppointmentId);
        Assert.Equal(appointment.Id, state.ReminderAppointmentId);
        Assert.True(state.ShopCalled);
    }

    [Fact]
    public async Task GreetForReminder_AppointmentAfterTomorrow_SaysItsDay()
    {
        var appointment = await GivenAsync(Maria, "oil change", FridayNine);

        var reply = _engine.GreetForReminder(Context(Maria), new DialogState(), appointment);

        Assert.StartsWith("Hi Maria, this is Northside Auto Care with a reminder about your oil change on Friday, December 4th at 9 AM. Can you make it?", reply.Speech, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yes, I'll be there, thanks", null)]
    [InlineData("yep, see you then", null)]
    [InlineData("1", "1")]
    [InlineData(null, "1")]
    [InlineData("one", null)]
    public async Task RespondAsync_ConfirmingAnswer_ConfirmsKeepingTheAttemptAndHangsUp(string? speech, string? digits)
    {
        var appointment = await GivenAsync(Maria, "tire rotation", ThursdayTen);
        var state = Reminded(appointment);

        var reply = await AnswerAsync(state, speech, digits);

        Assert.Equal(CallAction.Hangup, reply.Action);
        Assert.Equal("Great, your tire rotation tomorrow, Thursday, December 3rd at 10 AM is confirmed. We'll see you then. Thanks for your time. Goodbye!", reply.Speech);
        var reminder = (await StoredAsync(appointment)).Reminder;
        Assert.Equal(ReminderOutcome.Confirmed, reminder.Outcome);
        Assert.Equal(1, reminder.Attempts);
        Assert.Equal(ReminderCallSid, reminder.CallSid);
    }

    [Theory]
    [InlineData("2", "2")]
    [InlineData(null, "2")]
    [InlineData("I need to reschedule", null)]
    [InlineData("can I move it", null)]
    public async Task RespondAsync_RescheduleAnswer_MovesThatAppointmentAfterItsReadBack(string? speech, string? digits)
    {
        var appointment = await GivenAsync(Maria, "tire rotation", ThursdayTen);
        await GivenAsync(Maria, "oil change", FridayNine, ReminderOutcome.None);
        var state = Reminded(appointment);

        var when = await AnswerAsync(state, speech, digits);
        var readBack = await AnswerAsync(state, "friday at 11");
        var done = await AnswerAsync(state, "yes");

        Assert.Equal("Your tire rotation is on Thursday, December 3rd at 10 AM. What day and time would you like instead?", when.Speech);
        Assert.Equal("I can move your tire rotation from Thursday, December 3rd at 10 AM to Friday, December 4th at 11 AM. Shall I do that?", readBack.Speech);
        Assert.StartsWith("Done. Your tire rotation is now on Friday, December 4th at 11 AM.", done.Speech, StringComparison.Ordinal);
        var upcoming = await UpcomingAsync(Maria);
        Assert.Equal([FridayNine, FridayNine.AddHours(2)], upcoming.Select(a => a.Start).Order());
    }

    [Fact]
    public async Task RespondAsync_AnotherTimeSaid_ReadsBackTheMoveAtOnce()
    {
        var appointment = await GivenAsync(Maria, "tire rotation", ThursdayTen);
        var state = Reminded(appointment);

        var reply = await AnswerAsync(state, "no, could we do friday at 11 instead");

        Assert.Equal("I can move your tire rotation from Thursday, December 3rd at 10 AM to Friday, December 4th at 11 AM. Shall I do that?", reply.Speech);
        Assert.Equal(DialogTask.Reschedule, state.Task);
        Assert.Equal(appointment.Id, state.AppointmentId);
    }

    [Theory]
    [InlineData("3", "3")]
    [InlineData(null, "3")]
    [InlineData("I actually need to cancel that one", null)]
    public async Task RespondAsync_CancelAnswer_ReadsBackThenYesCancelsOnlyThatAppointment(string? speech, string? digits)
    {
        var appointment = await GivenAsync(Maria, "tire rotation", ThursdayTen);
        await GivenAsync(Maria, "oil change", FridayNine, ReminderOutcome.None);
        var state = Reminded(appointment);

        var readBack = await AnswerAsync(state, speech, digits);
        var done = await AnswerAsync(state, "yes");

        Assert.Equal("I see your tire rotation on Thursday, December 3rd at 10 AM. Would you like me to cancel it?", readBack.Speech);
        Assert.StartsWith("Done. Your tire rotation on Thursday, December 3rd at 10 AM is cancelled.", done.Speech, StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Cancelled, (await StoredAsync(appointment)).Status);
        Assert.Equal([FridayNine], (await UpcomingAsync(Maria)).Select(a => a.Start));
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData(null, "0")]
    [InlineData("can I talk to someone", null)]
    public async Task RespondAsync_PersonAnswer_TransfersToTheServiceDeskLeavingTheReminder(string? speech, string? digits)
    {
        var appointment = await GivenAsync(Maria, "tire rotation", ThursdayTen);
        var state = Reminded(appointment);

        var reply = await AnswerAsync(state, speech, digits);

        Assert.Equal(CallAction.Transfer, reply.Action);
        Assert.Equal("+15555550199", reply.TransferTo);
        Assert.Equal(ReminderOutcome.Calling, (await StoredAsync(appointment)).Reminder.Outcome);
    }

    [Fact]
    public async Task RespondAsync_No_AsksWhetherToRescheduleOrCancel()
    {
        var appointment = await GivenAsync(Maria, "tire rotation", ThursdayTen);
        var state = Reminded(appointment);

        var reply = await AnswerAsync(state, "no");

        Assert.Equal("No problem. Would you like to reschedule it, or cancel it? You can also press 2 to reschedule or 3 to cancel.", reply.Speech);
        Assert.Equal(DialogStage.AwaitReminderChange, state.Stage);
        Assert.Equal(0, state.Misunderstandings);
    }

    [Theory]
    [InlineData("cancel it", null)]
    [InlineData("3", "3")]
    public async Task RespondAsync_NoThenCancel_ReadsBackTheCancellation(string? speech, string? digits)
    {
        var appointment = await GivenAsync(Maria, "tire rotation", ThursdayTen);
        var state = Reminded(appointment);
        await AnswerAsync(state, "no");

        var reply = await AnswerAsync(state, speech, digits);

        Assert.Equal("I see your tire rotation on Thursday, December 3rd at 10 AM. Would you like me to cancel it?", reply.Speech);
        Assert.Equal(DialogTask.Cancel, state.Task);
    }

    [Theory]
    [InlineData("reschedule it", null)]
    [InlineData("2", "2")]
    public async Task RespondAsync_NoThenReschedule_AsksForTheNewTime(string? speech, string? digits)
    {
        var appointment = await GivenAsync(Maria, "tire rotation", ThursdayTen);
        var state = Reminded(appointment);
        await AnswerAsync(state, "no");

        var reply = await AnswerAsync(state, speech, digits);

        Assert.Equal("Your tire rotation is on Thursday, December 3rd at 10 AM. What day and time would you like instead?", reply.Speech);
        Assert.Equal(DialogTask.Reschedule, state.Task);
    }

    [Fact]
    public async Task RespondAsync_NoThenNeither_KeepsItBookedUnconfirmedAndHangsUp()
    {
        var appointment = await GivenAsync(Maria, "tire rotation", ThursdayTen);
        var state = Reminded(appointment);
        await AnswerAsync(state, "no");

        var reply = await AnswerAsync(state, "no");

        Assert.Equal(CallAction.Hangup, reply.Action);
        Assert.StartsWith("Okay, I'll keep your tire rotation tomorrow, Thursday, December 3rd at 10 AM as it is.", reply.Speech, StringComparison.Ordinal);
        var stored = await StoredAsync(appointment);
        Assert.Equal(AppointmentStatus.Booked, stored.Status);
        Assert.Equal(ReminderOutcome.Calling, stored.Reminder.Outcome);
    }

    [Fact]
    public async Task RespondAsync_Goodbye_KeepsItUnconfirmedAndHangsUp()
    {
        var appointment = await GivenAsync(Maria, "tire rotation", ThursdayTen);
        var state = Reminded(appointment);

        var reply = await AnswerAsync(state, "bye");

        Assert.Equal(CallAction.Hangup, reply.Action);
        Assert.Equal("Okay, I'll keep your tire rotation tomorrow, Thursday, December 3rd at 10 AM as it is. Thanks for your time. Goodbye!", reply.Speech);
        Assert.Equal(ReminderOutcome.Calling, (await StoredAsync(appointment)).Reminder.Outcome);
    }

    [Fact]
    public async Task RespondAsync_Silence_AsksTheReminderAgainThenLetsGoWithoutThankingForCalling()
    {
        var appointment = await GivenAsync(Maria, "tire rotation", ThursdayTen);
        var state = Reminded(appointment);

        var first = await AnswerAsync(state, null);
        var second = await AnswerAsync(state, null);

        Assert.Equal($"Sorry, I didn't hear anything. {Question}", first.Speech);
        Assert.Equal(CallAction.Hangup, second.Action);
        Assert.Equal("I haven't heard anything, so I'll let you go. Thanks for your time. Goodbye!", second.Speech);
    }

    [Theory]
    [InlineData("what's your address", "We're at 1200 North Ave, Springfield.")]
    [InlineData("how much is that", "I don't have a set price for a tire rotation")]
    [InlineData("are you open tomorrow", "Tomorrow we're open from 8 AM to 5 PM.")]
    public async Task RespondAsync_SideQuestion_AnswersThenAsksTheReminderAgain(string question, string answer)
    {
        var appointment = await GivenAsync(Maria, "tire rotation", ThursdayTen);
        var state = Reminded(appointment);

        var reply = await AnswerAsync(state, question);

        Assert.StartsWith(answer, reply.Speech, StringComparison.Ordinal);
        Assert.EndsWith(Question, reply.Speech, StringComparison.Ordinal);
        Assert.Equal(DialogStage.AwaitReminderAnswer, state.Stage);
    }

    [Fact]
    public async Task RespondAsync_AnotherRequest_DropsTheReminderAndRoutesAsUsual()
    {
        var appointment = await GivenAsync(Maria, "tire rotation", ThursdayTen);
        var state = Reminded(appointment);

        var reply = await AnswerAsync(state, "I'd also like to book an oil change on friday at 9");

        Assert.Equal(DialogTask.Book, state.Task);
        Assert.StartsWith("Just to confirm: an oil change", reply.Speech, StringComparison.Ordinal);
        Assert.Equal(ReminderOutcome.Calling, (await StoredAsync(appointment)).Reminder.Outcome);
    }

    [Fact]
    public async Task RespondAsync_Unintelligible_AsksTheReminderAgainAndCountsAMiss()
    {
        var appointment = await GivenAsync(Maria, "tire rotation", ThursdayTen);
        var state = Reminded(appointment);

        var reply = await AnswerAsync(state, "purple monkey dishwasher");

        Assert.Equal($"Sorry, I didn't get that. {Question}", reply.Speech);
        Assert.Equal(1, state.Misunderstandings);
    }

    [Fact]
    public async Task Greet_KnownCallerWithPendingReminder_OffersToConfirmChangeOrCancelIt()
    {
        var appointment = await GivenAsync(Maria, "tire rotation", ThursdayTen, ReminderOutcome.Voicemail);
        var state = new DialogState();

        var reply = _engine.Greet(Context(Maria) with { PendingReminder = appointment }, state);

        Assert.Equal(
            "Thanks for calling Northside Auto Care, Maria. We've been trying to reach you about your tire rotation tomorrow, Thursday, December 3rd at 10 AM. Can you make it? "
            + "You can say yes, or press 1 to confirm, 2 to reschedule, 3 to cancel, or 0 to talk to someone. Or just tell me what you're calling about.",
            reply.Speech);
        Assert.Equal(DialogStage.AwaitReminderAnswer, state.Stage);
        Assert.Equal(appointment.Id, state.FocusAppointmentId);
        Assert.False(state.ShopCalled);
    }

    [Theory]
    [InlineData("yes", null)]
    [InlineData(null, "1")]
    public async Task RespondAsync_CallerConfirmsPendingReminder_ConfirmsAndCarriesOn(string? speech, string? digits)
    {
        var appointment = await GivenAsync(Maria, "tire rotation", ThursdayTen, ReminderOutcome.Unreached);
        var state = new DialogState();
        _engine.Greet(Context(Maria) with { PendingReminder = appointment }, state);

        var reply = await AnswerAsync(state, speech, digits);

        Assert.Equal(CallAction.Listen, reply.Action);
        Assert.Equal("Great, your tire rotation tomorrow, Thursday, December 3rd at 10 AM is confirmed. We'll see you then. Is there anything else I can help you with?", reply.Speech);
        Assert.Equal(ReminderOutcome.Confirmed, (await StoredAsync(appointment)).Reminder.Outcome);
    }

    [Fact]
    public async Task RespondAsync_CallerTellsWhatTheyCalledAbout_RoutesAsUsual()
    {
        var appointment = await GivenAsync(Maria, "tire rotation", ThursdayTen, ReminderOutcome.Texted);
        var state = new DialogState();
        _engine.Greet(Context(Maria) with { PendingReminder = appointment }, state);

        var reply = await AnswerAsync(state, "is my car ready");

        Assert.StartsWith("I'm sorry, I can't see the status of repairs from here.", reply.Speech, StringComparison.Ordinal);
        Assert.Equal(ReminderOutcome.Texted, (await StoredAsync(appointment)).Reminder.Outcome);
    }

    [Fact]
    public async Task RespondAsync_ReminderOfSomeoneElsesAppointment_ConfirmsNothing()
    {
        var marias = await GivenAsync(Maria, "tire rotation", ThursdayTen);
        var state = new DialogState();
        _engine.GreetForReminder(Context(John), state, marias); // a reminder state pointing at an appointment John does not own

        var reply = await _engine.RespondAsync(Context(John), state, new CallerInput("1", "1"), CancellationToken.None);

        Assert.Equal("That appointment is no longer on the book. Is there anything else I can help you with?", reply.Speech);
        Assert.Equal(ReminderOutcome.Calling, (await StoredAsync(marias)).Reminder.Outcome);
    }

    [Fact]
    public async Task ConfirmAppointmentAsync_AnotherCustomersAppointment_ReturnsNullAndChangesNothing()
    {
        var marias = await GivenAsync(Maria, "tire rotation", ThursdayTen);

        var confirmed = await _shop.Tools.For(Context(John), new DialogState()).ConfirmAppointmentAsync(marias.Id, CancellationToken.None);

        Assert.Null(confirmed);
        Assert.Equal(ReminderOutcome.Calling, (await StoredAsync(marias)).Reminder.Outcome);
    }

    [Fact]
    public async Task ConfirmAppointmentAsync_CancelledAppointment_ReturnsNull()
    {
        var appointment = await GivenAsync(Maria, "tire rotation", ThursdayTen);
        var tools = _shop.Tools.For(Context(Maria), new DialogState());
        await tools.CancelAppointmentAsync(appointment.Id, CancellationToken.None);

        var confirmed = await tools.ConfirmAppointmentAsync(appointment.Id, CancellationToken.None);

        Assert.Null(confirmed);
        Assert.NotEqual(ReminderOutcome.Confirmed, (await StoredAsync(appointment)).Reminder.Outcome);
    }

    private DialogState Reminded(Appointment appointment)
    {
        var state = new DialogState();
        _engine.GreetForReminder(Context(Maria), state, appointment);
        return state;
    }

    private Task<AgentReply> AnswerAsync(DialogState state, string? speech, string? digits = null) =>
        _engine.RespondAsync(Context(Maria), state, new CallerInput(speech, digits, speech is null ? null : 0.92), CancellationToken.None);

    /// <summary>An appointment booked for <paramref name="customer"/>, its reminder at <paramref name="outcome"/> after one attempt.</summary>
    private async Task<Appointment> GivenAsync(Customer customer, string service, DateTimeOffset start, ReminderOutcome outcome = ReminderOutcome.Calling)
    {
        var booked = await _shop.Tools.For(Context(customer), new DialogState())
            .BookAppointmentAsync(ServiceMatcher.ByName(service, DemoTenant.Profile)!, start, CancellationToken.None);
        var appointment = booked.Appointment ?? throw new InvalidOperationException($"{service} at {start} could not be booked.");
        if (outcome == ReminderOutcome.None)
        {
            return appointment;
        }

        var status = new ReminderStatus(outcome, 1, null, ReminderCallSid, WednesdayMorning);
        await _shop.Appointments.SetReminderAsync(appointment, status, CancellationToken.None);
        return appointment with { Reminder = status };
    }

    private async Task<Appointment> StoredAsync(Appointment appointment) =>
        await _shop.Appointments.FindAsync(DemoTenant.Id, appointment.Id, CancellationToken.None)
            ?? throw new InvalidOperationException("The appointment vanished.");

    private Task<IReadOnlyList<Appointment>> UpcomingAsync(Customer customer) =>
        _shop.Scheduling.UpcomingAsync(DemoTenant.Profile, customer.Id, CancellationToken.None);

    private static ConversationContext Context(Customer customer) =>
        new(DemoTenant.Profile, ReminderCallSid, customer.PhoneNumber, customer, WednesdayMorning);
}
