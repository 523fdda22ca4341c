using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Calendars;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Conversation.Offline;
using VoiceAgent.Core.Conversation.Tools;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Tests.Support;
using VoiceAgent.Core.Vehicles;

namespace VoiceAgent.Core.Tests.Conversation.Offline;

/// <summary>Yes and no in context: at read-backs, at "which one?", to offered times, and with no task under way.</summary>
public sealed class OfflineDialogEngineFollowUpTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset TuesdayMorning = new(2026, 12, 1, 9, 15, 0, TimeSpan.FromHours(-6));
    private static readonly DateTimeOffset ThursdayTen = new(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(-6));
    private static readonly DateTimeOffset FridayNine = new(2026, 12, 4, 9, 0, 0, TimeSpan.FromHours(-6));
    private AgentToolsFactory _factory = null!;
    private OfflineDialogEngine _engine = null!;

    public async Task InitializeAsync()
    {
        _factory = (await SeededDemoShop.CreateAsync(azurite, TuesdayMorning)).Tools;
        _engine = new OfflineDialogEngine(_factory);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RespondAsync_YeahGoAheadAndCancelItAtCancelReadBack_Cancels()
    {
        await GivenAsync(("oil change", ThursdayTen));
        var state = new DialogState();
        await SayAsync(state, "i need to cancel my appointment");

        var reply = await SayAsync(state, "yeah go ahead and cancel it");

        Assert.StartsWith("Done. Your oil change", reply.Speech, StringComparison.Ordinal);
        Assert.Empty(await UpcomingAsync());
    }

    [Fact]
    public async Task RespondAsync_YesTheOilChangeAtCancelReadBack_CancelsIt()
    {
        await GivenAsync(("oil change", ThursdayTen), ("tire rotation", FridayNine));
        var state = new DialogState();
        await SayAsync(state, "cancel my appointment on thursday");

        var reply = await SayAsync(state, "yes, the oil change");

        Assert.StartsWith("Done. Your oil change", reply.Speech, StringComparison.Ordinal);
        Assert.Single(await UpcomingAsync());
    }

    [Theory]
    [InlineData("the oil change")]
    [InlineData("yes, the oil change")]
    [InlineData("the first one")]
    [InlineData("the one on thursday")]
    public async Task RespondAsync_WhichOneAnsweredWithService_PicksThatAppointmentNotANewBooking(string answer)
    {
        await GivenAsync(("oil change", ThursdayTen), ("tire rotation", FridayNine));
        var state = new DialogState();
        await SayAsync(state, "i want to cancel an appointment");

        var reply = await SayAsync(state, answer);

        Assert.StartsWith("I see your oil change on", reply.Speech, StringComparison.Ordinal);
        Assert.Equal(DialogTask.Cancel, state.Task);
        Assert.Equal(DialogStage.AwaitConfirmation, state.Stage);
    }

    [Fact]
    public async Task RespondAsync_NoTheOtherOneAtCancelReadBack_ReadsBackTheOtherAppointment()
    {
        await GivenAsync(("oil change", ThursdayTen), ("tire rotation", FridayNine));
        var state = new DialogState();
        await SayAsync(state, "i need to cancel my appointment on thursday");

        var reply = await SayAsync(state, "no, the other one");

        Assert.StartsWith("I see your tire rotation on", reply.Speech, StringComparison.Ordinal);
        Assert.Equal(2, (await UpcomingAsync()).Count);
    }

    [Fact]
    public async Task RespondAsync_NoTheOtherOneAtMoveReadBack_AsksForTheOtherAppointmentsNewTime()
    {
        await GivenAsync(("oil change", ThursdayTen), ("tire rotation", FridayNine));
        var state = new DialogState();
        await SayAsync(state, "i need to move my oil change");
        await SayAsync(state, "friday at 11");

        var reply = await SayAsync(state, "no, the other one");

        Assert.StartsWith("Your tire rotation is on", reply.Speech, StringComparison.Ordinal);
        Assert.Equal(DialogTask.Reschedule, state.Task);
    }

    [Theory]
    [InlineData("no")]
    [InlineData("nope")]
    [InlineData("that's it")]
    [InlineData("no that's everything thanks")]
    public async Task RespondAsync_NoToAnythingElse_HangsUpPolitely(string answer)
    {
        var state = new DialogState();
        await SayAsync(state, "what are your hours");

        var reply = await SayAsync(state, answer);

        Assert.Equal(CallAction.Hangup, reply.Action);
        Assert.Contains("Goodbye", reply.Speech, StringComparison.Ordinal);
        Assert.Equal(0, state.Misunderstandings);
    }

    [Fact]
    public async Task RespondAsync_YesToAnythingElse_AsksWhatElse()
    {
        var state = new DialogState();
        await SayAsync(state, "where are you located");

        var reply = await SayAsync(state, "yes");

        Assert.Equal("What else can I help you with?", reply.Speech);
        Assert.Equal(FollowUpOffer.AnythingElse, state.PendingOffer);
    }

    [Fact]
    public async Task RespondAsync_YesAfterPrice_StartsThatBooking()
    {
        var state = new DialogState();
        var price = await SayAsync(state, "how much is an oil change");

        var reply = await SayAsync(state, "yes please");

        Assert.EndsWith("Would you like to book one?", price.Speech, StringComparison.Ordinal);
        Assert.Equal("What day would you like to bring it in for the oil change?", reply.Speech);
        Assert.Equal(DialogTask.Book, state.Task);
    }

    [Fact]
    public async Task RespondAsync_NoTwiceToOfferedTimes_AsksWhatSuitsAndCountsNoMiss()
    {
        var state = new DialogState();
        await SayAsync(state, "i need an oil change tomorrow");

        var first = await SayAsync(state, "no");
        var second = await SayAsync(state, "nah");

        Assert.Equal("No problem. What day or time would suit you better?", first.Speech);
        Assert.Equal(CallAction.Listen, second.Action);
        Assert.Equal(0, state.Misunderstandings);
        Assert.Equal(DialogStage.AwaitTime, state.Stage);
    }

    [Fact]
    public async Task RespondAsync_YesBookItAtReadBack_BooksOnce()
    {
        var state = new DialogState();
        await SayAsync(state, "oil change friday at 10");

        var reply = await SayAsync(state, "yes book it");

        Assert.StartsWith("You're all set", reply.Speech, StringComparison.Ordinal);
        Assert.Single(await UpcomingAsync());
        Assert.Equal(DialogTask.None, state.Task);
    }

    private Task<AgentReply> SayAsync(DialogState state, string text) =>
        _engine.RespondAsync(Context(), state, new CallerInput(text), CancellationToken.None);

    private async Task GivenAsync(params (string Service, DateTimeOffset Start)[] appointments)
    {
        var tools = _factory.For(Context(), new DialogState());
        foreach (var (service, start) in appointments)
        {
            var result = await tools.BookAppointmentAsync(ServiceMatcher.ByName(service, DemoTenant.Profile)!, start, CancellationToken.None);
            Assert.NotNull(result.Appointment);
        }
    }

    private Task<IReadOnlyList<Appointment>> UpcomingAsync() =>
        _factory.For(Context(), new DialogState()).ListMyAppointmentsAsync(CancellationToken.None);

    private static ConversationContext Context() =>
        new(DemoTenant.Profile, "CA" + new string('2', 32), DemoTenant.Customers[0].PhoneNumber, DemoTenant.Customers[0], TuesdayMorning);
}
