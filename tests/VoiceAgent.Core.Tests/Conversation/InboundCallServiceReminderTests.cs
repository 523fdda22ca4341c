using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Conversation.Offline;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Hosting;
using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Storage;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Tests.Conversation;

/// <summary>
/// The call service around the reminder dialog, wired as the hosts wire it, on Azurite: answering the shop's reminder
/// call (only for the called customer's own booked appointment), its later turns, and the offer to an inbound caller
/// whose reminder went unconfirmed.
/// </summary>
public sealed class InboundCallServiceReminderTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset WednesdayMorning = new(2026, 12, 2, 10, 5, 0, TimeSpan.FromHours(-6));
    private static readonly DateTimeOffset ThursdayTen = new(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(-6));
    private static readonly Customer John = DemoTenant.Customers[0];
    private static readonly Customer Maria = DemoTenant.Customers[1];
    private ServiceProvider _services = null!;
    private InboundCallService _calls = null!;
    private int _callCount;

    public async Task InitializeAsync()
    {
        var prefix = "T" + Guid.NewGuid().ToString("N")[..10];
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(StorageOptions.PrefixedTableSettings(prefix))
            .AddInMemoryCollection([KeyValuePair.Create($"{StorageOptions.Section}:ConnectionString", (string?)azurite.ConnectionString)])
            .Build();
        var services = new ServiceCollection().AddLogging().AddVoiceAgentCore(configuration);
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FakeTimeProvider(WednesdayMorning)));
        _services = services.BuildServiceProvider();
        await _services.GetRequiredService<VoiceAgentTables>().CreateIfMissingAsync(CancellationToken.None);
        await _services.GetRequiredService<DemoTenantSeeder>().SeedAsync(CancellationToken.None);
        _calls = _services.GetRequiredService<InboundCallService>();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task AnswerReminderAsync_CustomersOwnAppointment_GreetsAndLaterTurnsAnswerTheReminder()
    {
        var appointment = await GivenAsync(Maria, ReminderOutcome.Calling);
        var call = ReminderCall(Maria);

        var answer = await _calls.AnswerReminderAsync(call, appointment.Id, CancellationToken.None);
        var turn = await _calls.TakeTurnAsync(call, new CallerInput("1", "1", 0.92), "turn-1", Render, CancellationToken.None);

        Assert.StartsWith("Hi Maria, this is Northside Auto Care with a reminder about your tire rotation tomorrow", answer.Reply.Speech, StringComparison.Ordinal);
        Assert.Equal(CallAction.Listen, answer.Reply.Action);
        Assert.Equal(DemoTenant.Id, answer.Tenant?.Id);
        Assert.StartsWith("Hangup|Great, your tire rotation", turn, StringComparison.Ordinal);
        Assert.Equal(ReminderOutcome.Confirmed, (await StoredAsync(appointment)).Reminder.Outcome);
    }

    [Fact]
    public async Task AnswerReminderAsync_StartsTheSessionWithTheReminderPending()
    {
        var appointment = await GivenAsync(Maria, ReminderOutcome.Calling);
        var call = ReminderCall(Maria);

        await _calls.AnswerReminderAsync(call, appointment.Id, CancellationToken.None);

        var session = await _services.GetRequiredService<CallSessionStore>().FindAsync(DemoTenant.Id, call.CallSid.Value, CancellationToken.None);
        Assert.NotNull(session);
        Assert.Equal(Maria.Id, session.CustomerId);
        Assert.Equal(Maria.PhoneNumber, session.CallerNumber);
        Assert.Equal(DialogStage.AwaitReminderAnswer, session.Dialog.Stage);
        Assert.Equal(appointment.Id, session.Dialog.ReminderAppointmentId);
        Assert.True(session.Dialog.ShopCalled);
    }

    [Fact]
    public async Task AnswerReminderAsync_AnotherCustomersAppointment_HangsUpPolitelySayingNothingOfIt()
    {
        var marias = await GivenAsync(Maria, ReminderOutcome.Calling);

        var answer = await _calls.AnswerReminderAsync(ReminderCall(John), marias.Id, CancellationToken.None);

        Assert.Equal(CallAction.Hangup, answer.Reply.Action);
        Assert.Equal("Hi, this is Northside Auto Care. Sorry to bother you; there's nothing we need from you right now. Goodbye!", answer.Reply.Speech);
        Assert.Equal(ReminderOutcome.Calling, (await StoredAsync(marias)).Reminder.Outcome);
    }

    [Fact]
    public async Task AnswerReminderAsync_CancelledAppointment_HangsUpPolitely()
    {
        var appointment = await GivenAsync(Maria, ReminderOutcome.Calling);
        await _services.GetRequiredService<SchedulingService>().CancelAsync(DemoTenant.Profile, Maria.Id, appointment.Id, null, CancellationToken.None);

        var answer = await _calls.AnswerReminderAsync(ReminderCall(Maria), appointment.Id, CancellationToken.None);

        Assert.Equal(CallAction.Hangup, answer.Reply.Action);
        Assert.DoesNotContain("tire rotation", answer.Reply.Speech, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReminderOutcome.Retrying)]
    [InlineData(ReminderOutcome.Voicemail)]
    [InlineData(ReminderOutcome.Unreached)]
    [InlineData(ReminderOutcome.Texted)]
    public async Task AnswerAsync_KnownCallerWithUnconfirmedReminder_OffersToConfirmChangeOrCancel(ReminderOutcome outcome)
    {
        await GivenAsync(Maria, outcome);

        var answer = await _calls.AnswerAsync(InboundFrom(Maria), CancellationToken.None);

        Assert.StartsWith("Thanks for calling Northside Auto Care, Maria. We've been trying to reach you about your tire rotation tomorrow", answer.Reply.Speech, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReminderOutcome.None)]
    [InlineData(ReminderOutcome.Calling)]
    [InlineData(ReminderOutcome.Confirmed)]
    public async Task AnswerAsync_ReminderNotTriedOrAlreadyConfirmed_GreetsAsUsual(ReminderOutcome outcome)
    {
        await GivenAsync(Maria, outcome);

        var answer = await _calls.AnswerAsync(InboundFrom(Maria), CancellationToken.None);

        Assert.Equal("Thanks for calling Northside Auto Care, Maria. How can I help you today?", answer.Reply.Speech);
    }

    [Fact]
    public async Task AnswerAsync_CallerConfirmsTheOffer_RecordsItOnTheAppointment()
    {
        var appointment = await GivenAsync(Maria, ReminderOutcome.Voicemail);
        var call = InboundFrom(Maria);
        await _calls.AnswerAsync(call, CancellationToken.None);

        var turn = await _calls.TakeTurnAsync(call, new CallerInput("yes, I'll be there"), "turn-1", Render, CancellationToken.None);

        Assert.StartsWith("Listen|Great, your tire rotation", turn, StringComparison.Ordinal);
        Assert.Equal(ReminderOutcome.Confirmed, (await StoredAsync(appointment)).Reminder.Outcome);
    }

    [Fact]
    public async Task AnswerAsync_UnknownCallerWhileAnotherCustomersReminderIsPending_GreetsAsUsual()
    {
        await GivenAsync(Maria, ReminderOutcome.Unreached);
        var stranger = new InboundCall(NextCallSid(), PhoneNumber.Parse(DemoTenant.Number), PhoneNumber.Parse("+15555550177"));

        var answer = await _calls.AnswerAsync(stranger, CancellationToken.None);

        Assert.Equal("Thanks for calling Northside Auto Care. How can I help you today?", answer.Reply.Speech);
    }

    private static string Render(AgentReply reply, TenantProfile _) => $"{reply.Action}|{reply.Speech}";

    /// <summary>The shop's call to <paramref name="customer"/>, as the webhooks read it: the shop's number is Dialed, the customer's the Caller.</summary>
    private InboundCall ReminderCall(Customer customer) => InboundFrom(customer);

    private InboundCall InboundFrom(Customer customer) => new(NextCallSid(), PhoneNumber.Parse(DemoTenant.Number), PhoneNumber.Parse(customer.PhoneNumber));

    private CallSid NextCallSid() =>
        CallSid.TryParse("CA" + Interlocked.Increment(ref _callCount).ToString("D32", System.Globalization.CultureInfo.InvariantCulture), out var sid)
            ? sid
            : throw new InvalidOperationException("Not a call sid.");

    /// <summary>Thursday's tire rotation for <paramref name="customer"/>, its reminder at <paramref name="outcome"/> after one attempt.</summary>
    private async Task<Appointment> GivenAsync(Customer customer, ReminderOutcome outcome)
    {
        var scheduling = _services.GetRequiredService<SchedulingService>();
        var booked = await scheduling.BookAsync(DemoTenant.Profile, customer, ServiceMatcher.ByName("tire rotation", DemoTenant.Profile)!, ThursdayTen, null, null, CancellationToken.None);
        var appointment = booked.Appointment ?? throw new InvalidOperationException("The tire rotation could not be booked.");
        if (outcome != ReminderOutcome.None)
        {
            await _services.GetRequiredService<AppointmentStore>().SetReminderAsync(appointment, new ReminderStatus(outcome, 1, null, null, WednesdayMorning), CancellationToken.None);
        }

        return appointment;
    }

    private async Task<Appointment> StoredAsync(Appointment appointment) =>
        await _services.GetRequiredService<AppointmentStore>().FindAsync(DemoTenant.Id, appointment.Id, CancellationToken.None)
            ?? throw new InvalidOperationException("The appointment vanished.");
}
