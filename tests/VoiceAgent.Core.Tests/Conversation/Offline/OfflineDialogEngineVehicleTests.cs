using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Conversation.Offline;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Tests.Support;

namespace VoiceAgent.Core.Tests.Conversation.Offline;

/// <summary>
/// The car question after a booking (issue 8 item 6): asked once the booking is written, stored on the customer and
/// the appointment from a description or a VIN, and never able to block or undo the booking.
/// </summary>
public sealed class OfflineDialogEngineVehicleTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string NewCaller = "+15555550177";
    private const string BookBrakes = "Hi, this is Dana Lee. Can I get a brake inspection on Friday at 2 pm?";
    private const string AnythingElse = "Is there anything else I can help you with?";
    private static readonly DateTimeOffset TuesdayMorning = new(2026, 12, 1, 9, 15, 0, TimeSpan.FromHours(-6));
    private SeededDemoShop _shop = null!;
    private OfflineDialogEngine _engine = null!;

    public async Task InitializeAsync()
    {
        _shop = await SeededDemoShop.CreateAsync(azurite, TuesdayMorning);
        _engine = new OfflineDialogEngine(_shop.Tools);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RespondAsync_NewCallerConfirmsBooking_AsksForTheCarAfterBooking()
    {
        var state = new DialogState();
        await SayAsync(state, BookBrakes);

        var reply = await SayAsync(state, "yes");

        Assert.Equal(
            "You're all set: a brake inspection on Friday, December 4th at 2 PM. One more thing, so the shop can get ready: what's the year, make and model of the car, or its VIN?",
            reply.Speech);
        Assert.Equal(DialogStage.AwaitVehicle, state.Stage);
        Assert.Single(await BookedAsync());
    }

    [Fact]
    public async Task RespondAsync_CarDescribed_StoresItOnTheCustomerAndTheAppointment()
    {
        var state = await BookedNewCallerAsync();

        var reply = await SayAsync(state, "a 2018 ford f150");

        Assert.Equal($"Thanks, I've noted the 2018 Ford F-150. {AnythingElse}", reply.Speech);
        var expected = new Vehicle(2018, "Ford", "F-150");
        Assert.Equal([expected], (await NewCustomerAsync()).Vehicles);
        Assert.Equal(expected, Assert.Single(await BookedAsync()).Vehicle);
    }

    [Fact]
    public async Task RespondAsync_SpokenVin_DecodesAndStoresItWithTheVin()
    {
        var state = await BookedNewCallerAsync();

        var reply = await SayAsync(state, "yeah it's one h g c m eight two six three three a zero zero four three five two");

        Assert.Equal($"Thanks, that VIN is a 2003 Honda; I've noted it. {AnythingElse}", reply.Speech);
        var expected = new Vehicle(2003, "Honda", string.Empty, "1HGCM82633A004352");
        Assert.Equal([expected], (await NewCustomerAsync()).Vehicles);
        Assert.Equal(expected, Assert.Single(await BookedAsync()).Vehicle);
    }

    [Theory]
    [InlineData("i don't know")]
    [InlineData("no idea")]
    [InlineData("no")]
    [InlineData("it's my wife's car")]
    public async Task RespondAsync_CallerDoesNotKnow_BookingStandsWithNoCar(string answer)
    {
        var state = await BookedNewCallerAsync();

        var reply = await SayAsync(state, answer);

        Assert.Equal($"No problem, you're all set. {AnythingElse}", reply.Speech);
        Assert.Equal(DialogStage.None, state.Stage);
        Assert.Empty((await NewCustomerAsync()).Vehicles);
        Assert.Null(Assert.Single(await BookedAsync()).Vehicle);
    }

    [Fact]
    public async Task RespondAsync_SilenceAtTheCarQuestion_MovesOnWithoutHangingUp()
    {
        var state = await BookedNewCallerAsync();

        var reply = await _engine.RespondAsync(NewCallerContext(), state, new CallerInput(null), CancellationToken.None);

        Assert.Equal(CallAction.Listen, reply.Action);
        Assert.Equal($"No problem, you're all set. {AnythingElse}", reply.Speech);
        Assert.Equal(DialogStage.None, state.Stage);
        Assert.Single(await BookedAsync());
    }

    [Fact]
    public async Task RespondAsync_NoAfterSilenceAtTheCarQuestion_EndsTheCall()
    {
        var state = await BookedNewCallerAsync();
        await _engine.RespondAsync(NewCallerContext(), state, new CallerInput(null), CancellationToken.None);

        var reply = await SayAsync(state, "no");

        Assert.Equal(CallAction.Hangup, reply.Action);
        Assert.Single(await BookedAsync());
    }

    [Fact]
    public async Task RespondAsync_GoodbyeAtTheCarQuestion_HangsUpAndTheBookingStands()
    {
        var state = await BookedNewCallerAsync();

        var reply = await SayAsync(state, "no that's all, bye");

        Assert.Equal(CallAction.Hangup, reply.Action);
        Assert.StartsWith("No problem, you're all set.", reply.Speech, StringComparison.Ordinal);
        Assert.Single(await BookedAsync());
    }

    [Fact]
    public async Task RespondAsync_HoldOnThenCar_AsksOnceMoreAndStoresIt()
    {
        var state = await BookedNewCallerAsync();

        var again = await SayAsync(state, "hold on, let me check");
        await SayAsync(state, "it's a honda civic, 2019");

        Assert.Equal("Sure, take your time. What's the year, make and model of the car, or its VIN?", again.Speech);
        Assert.Equal([new Vehicle(2019, "Honda", "Civic")], (await NewCustomerAsync()).Vehicles);
    }

    [Fact]
    public async Task RespondAsync_VinThatFailsTwice_AsksOnceMoreThenMovesOn()
    {
        var state = await BookedNewCallerAsync();

        var again = await SayAsync(state, "1HGCM82633A004353");
        var last = await SayAsync(state, "1HGCM82633A004354");

        Assert.StartsWith("Sorry, that VIN didn't check out", again.Speech, StringComparison.Ordinal);
        Assert.Equal($"No problem, you're all set. {AnythingElse}", last.Speech);
        Assert.Equal(2, state.VehicleQuestions);
        Assert.Single(await BookedAsync());
    }

    [Fact]
    public async Task RespondAsync_QuestionInsteadOfCar_AnswersItAndDropsTheCarQuestion()
    {
        var state = await BookedNewCallerAsync();

        var reply = await SayAsync(state, "what time do you close on saturday?");

        Assert.StartsWith("On Saturday we're open from 9 AM to 1 PM.", reply.Speech, StringComparison.Ordinal);
        Assert.Equal(DialogStage.None, state.Stage);
    }

    [Fact]
    public async Task RespondAsync_TwoServicesInOneBreath_AsksOnceAfterTheLastAndSetsBoth()
    {
        var state = new DialogState();
        await SayAsync(state, "This is Dana Lee, I need an oil change and a tire rotation on Friday at 9");
        var first = await SayAsync(state, "yes");
        await SayAsync(state, "10 am");
        var last = await SayAsync(state, "yes");
        await SayAsync(state, "a 2019 chevy malibu");

        Assert.DoesNotContain("One more thing", first.Speech, StringComparison.Ordinal);
        Assert.Contains("One more thing", last.Speech, StringComparison.Ordinal);
        var booked = await BookedAsync();
        Assert.Equal(2, booked.Count);
        Assert.All(booked, a => Assert.Equal(new Vehicle(2019, "Chevrolet", "Malibu"), a.Vehicle));
    }

    [Fact]
    public async Task RespondAsync_CustomerWithOneCar_IsNotAsked()
    {
        var john = DemoTenant.Customers[0];
        var state = new DialogState();
        await SayAsync(state, "oil change friday at 10", Context(john));

        var reply = await SayAsync(state, "yes", Context(john));

        Assert.EndsWith($"We'll see you then. {AnythingElse}", reply.Speech, StringComparison.Ordinal);
        Assert.Equal(0, state.VehicleQuestions);
    }

    [Fact]
    public async Task RespondAsync_CustomerWithTwoCars_ReadsBackNoCarThenAsksWhich()
    {
        var customer = await TwoCarCustomerAsync();
        var state = new DialogState();

        var readBack = await SayAsync(state, "oil change friday at 10", Context(customer));
        var question = await SayAsync(state, "yes", Context(customer));

        Assert.DoesNotContain("for your", readBack.Speech, StringComparison.Ordinal);
        Assert.EndsWith("Which car is this for: your 2019 Honda Civic or your 2015 Ford F-150?", question.Speech, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("the ford")]
    [InlineData("the second one")]
    [InlineData("the f-150")]
    [InlineData("the 2015")]
    public async Task RespondAsync_CustomerWithTwoCarsPicksOne_SetsItOnTheAppointment(string answer)
    {
        var customer = await TwoCarCustomerAsync();
        var state = new DialogState();
        await SayAsync(state, "oil change friday at 10", Context(customer));
        await SayAsync(state, "yes", Context(customer));

        var reply = await SayAsync(state, answer, Context(customer));

        Assert.Equal($"Got it, your 2015 Ford F-150. {AnythingElse}", reply.Speech);
        Assert.Equal(new Vehicle(2015, "Ford", "F-150"), Assert.Single(await BookedAsync(customer.Id)).Vehicle);
        Assert.Equal(2, (await _shop.Customers.FindAsync(DemoTenant.Id, customer.Id, CancellationToken.None))!.Vehicles.Count);
    }

    [Fact]
    public async Task RespondAsync_CustomerWithTwoCarsUnclear_KeepsTheFirstAndMovesOn()
    {
        var customer = await TwoCarCustomerAsync();
        var state = new DialogState();
        await SayAsync(state, "oil change friday at 10", Context(customer));
        await SayAsync(state, "yes", Context(customer));

        var reply = await SayAsync(state, "the toyota", Context(customer));

        Assert.Equal($"No problem, you're all set. {AnythingElse}", reply.Speech);
        Assert.Equal(new Vehicle(2019, "Honda", "Civic"), Assert.Single(await BookedAsync(customer.Id)).Vehicle);
    }

    [Fact]
    public async Task RespondAsync_TenantThatDoesNotAskForCars_BooksWithoutTheQuestion()
    {
        var tenant = DemoTenant.Profile with { AsksForVehicle = false };
        var state = new DialogState();
        await SayAsync(state, BookBrakes, NewCallerContext(tenant));

        var reply = await SayAsync(state, "yes", NewCallerContext(tenant));

        Assert.EndsWith($"We'll see you then. {AnythingElse}", reply.Speech, StringComparison.Ordinal);
        Assert.Equal(DialogStage.None, state.Stage);
    }

    private async Task<DialogState> BookedNewCallerAsync()
    {
        var state = new DialogState();
        await SayAsync(state, BookBrakes);
        await SayAsync(state, "yes");
        Assert.Equal(DialogStage.AwaitVehicle, state.Stage);
        return state;
    }

    private async Task<Customer> TwoCarCustomerAsync()
    {
        var customer = new Customer
        {
            Id = "cust-two-cars",
            TenantId = DemoTenant.Id,
            FirstName = "Sam",
            LastName = "Ortiz",
            PhoneNumber = "+15555550133",
            Vehicles = [new Vehicle(2019, "Honda", "Civic"), new Vehicle(2015, "Ford", "F-150")],
        };
        await _shop.Customers.SaveAsync(customer, CancellationToken.None);
        return customer;
    }

    private Task<AgentReply> SayAsync(DialogState state, string text, ConversationContext? context = null) =>
        _engine.RespondAsync(context ?? NewCallerContext(), state, new CallerInput(text), CancellationToken.None);

    private async Task<Customer> NewCustomerAsync() =>
        await _shop.Customers.FindByPhoneAsync(DemoTenant.Id, NewCaller, CancellationToken.None) ?? throw new InvalidOperationException("The new caller was not registered.");

    private async Task<IReadOnlyList<Appointment>> BookedAsync(string? customerId = null) =>
        await _shop.Scheduling.UpcomingAsync(DemoTenant.Profile, customerId ?? (await NewCustomerAsync()).Id, CancellationToken.None);

    private static ConversationContext NewCallerContext(TenantProfile? tenant = null) =>
        new(tenant ?? DemoTenant.Profile, "CA" + new string('7', 32), NewCaller, null, TuesdayMorning);

    private static ConversationContext Context(Customer customer) =>
        new(DemoTenant.Profile, "CA" + new string('3', 32), customer.PhoneNumber, customer, TuesdayMorning);
}
