using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Conversation.Offline;
using VoiceAgent.Core.Conversation.Tools;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Tests.Support;

namespace VoiceAgent.Core.Tests.Conversation.Offline;

/// <summary>The offline engine's answers to questions and requests for a person (booking has its own tests).</summary>
public sealed class OfflineDialogEngineTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset TuesdayMorning = new(2026, 12, 1, 9, 15, 0, TimeSpan.FromHours(-6));
    private OfflineDialogEngine _engine = null!;

    public async Task InitializeAsync()
    {
        var tables = await azurite.NewTablesAsync();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TuesdayMorning);
        _engine = new OfflineDialogEngine(new AgentToolsFactory(new SchedulingService(new AppointmentStore(tables), new Core.Calendars.BuiltInCalendarProvider(), new Core.Workflows.FollowUpStore(tables, clock), TestTelemetry.Create(), clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchedulingService>.Instance), new CustomerStore(tables), new Core.Vehicles.OfflineVinDecoder(clock)));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Greet_KnownCustomer_UsesFirstName()
    {
        var reply = _engine.Greet(Context(DemoTenant.Customers[0]), new DialogState());

        Assert.Equal("Thanks for calling Northside Auto Care, John. How can I help you today?", reply.Speech);
        Assert.Equal(CallAction.Listen, reply.Action);
    }

    [Fact]
    public void Greet_UnknownCaller_NoName()
    {
        var reply = _engine.Greet(Context(), new DialogState());

        Assert.Equal("Thanks for calling Northside Auto Care. How can I help you today?", reply.Speech);
    }

    [Theory]
    [InlineData("What time do you close on Saturday?", "On Saturday we're open from 9 AM to 1 PM.")]
    [InlineData("are you open tomorrow", "Tomorrow we're open from 8 AM to 5 PM.")]
    [InlineData("are you open on sunday", "On Sunday we're closed.")]
    [InlineData("what are your hours", "We're open Monday to Friday 8 AM to 5 PM, Saturday 9 AM to 1 PM, and closed Sunday.")]
    public async Task RespondAsync_HoursQuestion_AnswersFromTenantHours(string utterance, string expected)
    {
        var reply = await _engine.RespondAsync(Context(), new DialogState(), new CallerInput(utterance), CancellationToken.None);

        Assert.StartsWith(expected, reply.Speech, StringComparison.Ordinal);
        Assert.Equal(CallAction.Listen, reply.Action);
    }

    [Fact]
    public async Task RespondAsync_HoursOnHoliday_SaysClosedForTheHoliday()
    {
        var christmasEve = new DateTimeOffset(2026, 12, 24, 10, 0, 0, TimeSpan.FromHours(-6));

        var reply = await _engine.RespondAsync(Context(now: christmasEve), new DialogState(), new CallerInput("are you open tomorrow?"), CancellationToken.None);

        Assert.StartsWith("Tomorrow, December 25, we're closed", reply.Speech, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Can I just talk to a real person please?", "+15555550199")]
    [InlineData("let me speak to a human", "+15555550199")]
    [InlineData("representative", "+15555550199")]
    [InlineData("can you transfer me to parts", "+15555550198")]
    [InlineData("I need to talk to someone in the parts department", "+15555550198")]
    public async Task RespondAsync_AsksForAPerson_TransfersToTheRightDepartment(string utterance, string target)
    {
        var reply = await _engine.RespondAsync(Context(), new DialogState(), new CallerInput(utterance), CancellationToken.None);

        Assert.Equal(CallAction.Transfer, reply.Action);
        Assert.Equal(target, reply.TransferTo);
    }

    [Theory]
    [InlineData("where are you located", "1200 North Ave, Springfield")]
    [InlineData("what's your address", "1200 North Ave, Springfield")]
    [InlineData("how much is an oil change", "$49.99")]
    public async Task RespondAsync_CommonQuestion_AnswersFromFaq(string utterance, string expected)
    {
        var reply = await _engine.RespondAsync(Context(), new DialogState(), new CallerInput(utterance), CancellationToken.None);

        Assert.Contains(expected, reply.Speech, StringComparison.Ordinal);
        Assert.Equal(CallAction.Listen, reply.Action);
    }

    [Theory]
    [InlineData("Great, that's all, thanks. Bye")]
    [InlineData("no thank you")]
    [InlineData("goodbye")]
    public async Task RespondAsync_Goodbye_HangsUpPolitely(string utterance)
    {
        var reply = await _engine.RespondAsync(Context(), new DialogState(), new CallerInput(utterance), CancellationToken.None);

        Assert.Equal(CallAction.Hangup, reply.Action);
        Assert.Contains("Goodbye", reply.Speech, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RespondAsync_SilenceThenSilence_RepromptsThenHangsUp()
    {
        var state = new DialogState();

        var first = await _engine.RespondAsync(Context(), state, new CallerInput(null), CancellationToken.None);
        var second = await _engine.RespondAsync(Context(), state, new CallerInput("  "), CancellationToken.None);

        Assert.Equal(CallAction.Listen, first.Action);
        Assert.Equal(CallAction.Hangup, second.Action);
    }

    [Fact]
    public async Task RespondAsync_SilenceThenSpeech_ResetsTheSilenceCount()
    {
        var state = new DialogState();

        await _engine.RespondAsync(Context(), state, new CallerInput(null), CancellationToken.None);
        await _engine.RespondAsync(Context(), state, new CallerInput("what are your hours"), CancellationToken.None);
        var reply = await _engine.RespondAsync(Context(), state, new CallerInput(null), CancellationToken.None);

        Assert.Equal(CallAction.Listen, reply.Action);
    }

    [Fact]
    public async Task RespondAsync_NotUnderstoodTwice_OffersThePersonWithoutTransferring()
    {
        var state = new DialogState();

        var first = await _engine.RespondAsync(Context(), state, new CallerInput("purple monkey dishwasher"), CancellationToken.None);
        var second = await _engine.RespondAsync(Context(), state, new CallerInput("blorp"), CancellationToken.None);

        Assert.Equal(CallAction.Listen, first.Action);
        Assert.Equal(CallAction.Listen, second.Action);
        Assert.EndsWith("Would you like me to connect you with our service desk?", second.Speech, StringComparison.Ordinal);
        Assert.Equal(DialogStage.AwaitHandoffChoice, state.Stage);
    }

    [Fact]
    public async Task RespondAsync_NotUnderstoodTwiceThenYes_TransfersToTheServiceDesk()
    {
        var state = new DialogState();
        await _engine.RespondAsync(Context(), state, new CallerInput("purple monkey dishwasher"), CancellationToken.None);
        await _engine.RespondAsync(Context(), state, new CallerInput("blorp"), CancellationToken.None);

        var reply = await _engine.RespondAsync(Context(), state, new CallerInput("yes please"), CancellationToken.None);

        Assert.Equal(CallAction.Transfer, reply.Action);
        Assert.Equal("+15555550199", reply.TransferTo);
    }

    [Fact]
    public async Task RespondAsync_OfferDeclinedMidBooking_AsksThePendingQuestionAgain()
    {
        var state = new DialogState();
        var john = DemoTenant.Customers[0];
        var start = await _engine.RespondAsync(Context(john), state, new CallerInput("I'd like to book an oil change"), CancellationToken.None);
        var pending = state.Prompt;
        await _engine.RespondAsync(Context(john), state, new CallerInput("hmm banana"), CancellationToken.None);
        await _engine.RespondAsync(Context(john), state, new CallerInput("purple"), CancellationToken.None);

        var reply = await _engine.RespondAsync(Context(john), state, new CallerInput("no"), CancellationToken.None);

        Assert.Equal(CallAction.Listen, start.Action);
        Assert.Equal($"No problem, let's keep going. {pending}", reply.Speech);
        Assert.Equal(DialogStage.AwaitDay, state.Stage);
        Assert.Equal("oil change", state.Service);
        Assert.Equal(0, state.Misunderstandings);
    }

    [Fact]
    public async Task RespondAsync_NotUnderstoodTwiceOnSunday_OffersToTakeAMessage()
    {
        var sunday = new DateTimeOffset(2026, 12, 6, 11, 0, 0, TimeSpan.FromHours(-6));
        var state = new DialogState();
        await _engine.RespondAsync(Context(now: sunday), state, new CallerInput("purple monkey dishwasher"), CancellationToken.None);

        var offer = await _engine.RespondAsync(Context(now: sunday), state, new CallerInput("blorp"), CancellationToken.None);
        await _engine.RespondAsync(Context(now: sunday), state, new CallerInput("yes"), CancellationToken.None);
        var done = await _engine.RespondAsync(Context(now: sunday), state, new CallerInput("please call me back about my brakes"), CancellationToken.None);

        Assert.Contains("take a message for our service desk", offer.Speech, StringComparison.Ordinal);
        Assert.StartsWith("Thanks, I've passed that on to our service desk.", done.Speech, StringComparison.Ordinal);
        Assert.Equal(["please call me back about my brakes"], state.MessagesForStaff);
        Assert.Equal(DialogStage.None, state.Stage);
    }

    [Fact]
    public async Task RespondAsync_UnderstoodTurnBetweenMisses_DoesNotOffer()
    {
        var state = new DialogState();
        await _engine.RespondAsync(Context(), state, new CallerInput("purple monkey dishwasher"), CancellationToken.None);
        await _engine.RespondAsync(Context(), state, new CallerInput("do you take walk-ins"), CancellationToken.None);

        var reply = await _engine.RespondAsync(Context(), state, new CallerInput("blorp"), CancellationToken.None);

        Assert.StartsWith("Sorry, I didn't catch that.", reply.Speech, StringComparison.Ordinal);
        Assert.Equal(1, state.Misunderstandings);
    }

    [Fact]
    public async Task RespondAsync_SilenceBetweenMisses_KeepsItsOwnCount()
    {
        var state = new DialogState();
        await _engine.RespondAsync(Context(), state, new CallerInput("purple monkey dishwasher"), CancellationToken.None);
        await _engine.RespondAsync(Context(), state, new CallerInput(null), CancellationToken.None);

        var reply = await _engine.RespondAsync(Context(), state, new CallerInput("blorp"), CancellationToken.None);

        Assert.Equal(CallAction.Listen, reply.Action);
        Assert.EndsWith("Would you like me to connect you with our service desk?", reply.Speech, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("do you take walk-ins", "I can't promise a walk-in spot")]
    [InlineData("can I just drop by", "I can't promise a walk-in spot")]
    [InlineData("is my car ready", "I'm sorry, I can't see the status of repairs from here.")]
    [InlineData("can you send me a text", "Sure: I'll text you a confirmation once it's booked")]
    public async Task RespondAsync_CapabilityQuestion_AnswersHonestly(string utterance, string expected)
    {
        var state = new DialogState();

        var reply = await _engine.RespondAsync(Context(), state, new CallerInput(utterance), CancellationToken.None);

        Assert.StartsWith(expected, reply.Speech, StringComparison.Ordinal);
        Assert.DoesNotContain("didn't catch", reply.Speech, StringComparison.Ordinal);
        Assert.Equal(CallAction.Listen, reply.Action);
        Assert.Equal(0, state.Misunderstandings);
    }

    [Theory]
    [InlineData("hola")]
    [InlineData("¿habla español?")]
    [InlineData("can I talk to someone in Spanish")]
    public async Task RespondAsync_OtherLanguage_ApologisesInSpanishThenOffersInEnglish(string utterance)
    {
        var state = new DialogState();

        var reply = await _engine.RespondAsync(Context(), state, new CallerInput(utterance), CancellationToken.None);

        Assert.Equal(
            [
                new SpokenPart("Lo siento, por ahora solo puedo ayudarle en inglés.", "es-US"),
                new SpokenPart("I'm sorry, I can only help in English right now. Would you like me to connect you with our service desk?"),
            ],
            reply.Parts);
        Assert.Equal(string.Join(' ', reply.Parts!.Select(p => p.Text)), reply.Speech);
        Assert.Equal(CallAction.Listen, reply.Action);
        Assert.Equal(DialogStage.AwaitHandoffChoice, state.Stage);
        Assert.Equal(0, state.Misunderstandings);
    }

    [Fact]
    public async Task RespondAsync_CarReadyThenMessage_TakesTheMessage()
    {
        var state = new DialogState();
        await _engine.RespondAsync(Context(), state, new CallerInput("is my truck done yet"), CancellationToken.None);

        var reply = await _engine.RespondAsync(Context(), state, new CallerInput("it's the red F-150, call me when it's ready"), CancellationToken.None);

        Assert.Equal("Thanks, I've passed that on to our service desk. Is there anything else I can help you with?", reply.Speech);
        Assert.Equal(["it's the red F-150, call me when it's ready"], state.MessagesForStaff);
    }

    [Fact]
    public async Task RespondAsync_CarReadyMidBooking_TakesTheMessageAndAsksThePendingQuestionAgain()
    {
        var state = new DialogState();
        var john = DemoTenant.Customers[0];
        await _engine.RespondAsync(Context(john), state, new CallerInput("I'd like to book an oil change"), CancellationToken.None);
        var pending = state.Prompt;
        await _engine.RespondAsync(Context(john), state, new CallerInput("is my car ready by the way"), CancellationToken.None);

        var reply = await _engine.RespondAsync(Context(john), state, new CallerInput("please call me back about the civic"), CancellationToken.None);

        Assert.Equal($"Thanks, I've passed that on to our service desk. {pending}", reply.Speech);
        Assert.Equal(DialogStage.AwaitDay, state.Stage);
        Assert.Equal("oil change", state.Service);
    }

    [Fact]
    public async Task RespondAsync_WalkInThenYes_StartsABooking()
    {
        var state = new DialogState();
        await _engine.RespondAsync(Context(), state, new CallerInput("do you take walk-ins"), CancellationToken.None);

        await _engine.RespondAsync(Context(), state, new CallerInput("yes"), CancellationToken.None);

        Assert.Equal(DialogTask.Book, state.Task);
    }

    [Fact]
    public async Task RespondAsync_SpanishOnSunday_OffersAMessageInsteadOfAPerson()
    {
        var sunday = new DateTimeOffset(2026, 12, 6, 11, 0, 0, TimeSpan.FromHours(-6));

        var reply = await _engine.RespondAsync(Context(now: sunday), new DialogState(), new CallerInput("español por favor"), CancellationToken.None);

        Assert.Contains("take a message", reply.Speech, StringComparison.Ordinal);
        Assert.DoesNotContain("connect you", reply.Speech, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RespondAsync_SpanishThenSi_Transfers()
    {
        var state = new DialogState();
        await _engine.RespondAsync(Context(), state, new CallerInput("hola"), CancellationToken.None);

        var reply = await _engine.RespondAsync(Context(), state, new CallerInput("sí"), CancellationToken.None);

        Assert.Equal(CallAction.Transfer, reply.Action);
        Assert.Equal("+15555550199", reply.TransferTo);
    }

    private static ConversationContext Context(Customer? customer = null, DateTimeOffset? now = null) =>
        new(DemoTenant.Profile, "CA" + new string('1', 32), customer?.PhoneNumber ?? "+15555550177", customer, now ?? TuesdayMorning);
}
