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
        _engine = new OfflineDialogEngine(new AgentToolsFactory(new SchedulingService(new AppointmentStore(tables), new Core.Calendars.BuiltInCalendarProvider(), TestTelemetry.Create(), clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchedulingService>.Instance), new CustomerStore(tables), new Core.Vehicles.OfflineVinDecoder(clock)));
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
    public async Task RespondAsync_NotUnderstoodTwice_TransfersToTheServiceDesk()
    {
        var state = new DialogState();

        var first = await _engine.RespondAsync(Context(), state, new CallerInput("purple monkey dishwasher"), CancellationToken.None);
        var second = await _engine.RespondAsync(Context(), state, new CallerInput("blorp"), CancellationToken.None);

        Assert.Equal(CallAction.Listen, first.Action);
        Assert.Equal(CallAction.Transfer, second.Action);
        Assert.Equal("+15555550199", second.TransferTo);
    }

    private static ConversationContext Context(Customer? customer = null, DateTimeOffset? now = null) =>
        new(DemoTenant.Profile, "CA" + new string('1', 32), customer?.PhoneNumber ?? "+15555550177", customer, now ?? TuesdayMorning);
}
