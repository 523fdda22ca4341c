using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Conversation.Tools;
using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Tests.Support;

namespace VoiceAgent.Core.Tests.Conversation.Tools;

/// <summary>
/// Proving identity by name and PIN from a phone not on file (Azurite): the same answer whether or not the name is a
/// customer's, the per-call limit, namesakes, and accounts without a PIN.
/// </summary>
public sealed class AgentToolsIdentityTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 15, 0, TimeSpan.FromHours(-6));
    private SeededDemoShop _shop = null!;

    public async Task InitializeAsync() => _shop = await SeededDemoShop.CreateAsync(azurite, Now);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("John Smith")]
    [InlineData("john smith")]
    [InlineData("JOHN  SMITH")]
    public async Task VerifyPinByName_RightNameAndPin_ActsForThatCustomer(string name)
    {
        var (tools, state) = Unknown();

        var check = await tools.VerifyPinByNameAsync(name, "4321", CancellationToken.None);

        Assert.Equal(PinCheck.Verified, check);
        Assert.Equal(DemoTenant.Customers[0].Id, state.CustomerId);
        Assert.Equal("John", (await tools.FindCustomerAsync(CancellationToken.None))?.FirstName);
    }

    [Fact]
    public async Task VerifyPinByName_UnknownNameOrWrongPin_SameAnswerAndNobodyVerified()
    {
        var (strangerTools, strangerState) = Unknown();
        var (wrongPinTools, wrongPinState) = Unknown();

        var stranger = await strangerTools.VerifyPinByNameAsync("Bob Jones", "4321", CancellationToken.None);
        var wrongPin = await wrongPinTools.VerifyPinByNameAsync("John Smith", "1111", CancellationToken.None);

        Assert.Equal(PinCheck.Wrong, stranger);
        Assert.Equal(stranger, wrongPin);
        Assert.Null(strangerState.CustomerId);
        Assert.Null(wrongPinState.CustomerId);
    }

    [Fact]
    public async Task VerifyPinByName_ThreeTriesOnOneCall_LocksEvenTheRightPin()
    {
        var (tools, state) = Unknown();

        var answers = new List<PinCheck>();
        foreach (var pin in new[] { "1111", "2222", "3333", "4321" })
        {
            answers.Add(await tools.VerifyPinByNameAsync("John Smith", pin, CancellationToken.None));
        }

        Assert.Equal([PinCheck.Wrong, PinCheck.Wrong, PinCheck.Locked, PinCheck.Locked], answers);
        Assert.Null(state.CustomerId);
    }

    [Fact]
    public async Task VerifyPinByName_AccountWithoutPin_CannotBeVerified()
    {
        var (tools, state) = Unknown();

        var check = await tools.VerifyPinByNameAsync("Maria Garcia", "4321", CancellationToken.None);

        Assert.Equal(PinCheck.NoPinOnAccount, check);
        Assert.Null(state.CustomerId);
    }

    [Fact]
    public async Task VerifyPinByName_Namesakes_ThePinPicksTheAccount()
    {
        var namesake = new Customer { Id = "cust-other-john", TenantId = DemoTenant.Id, FirstName = "John", LastName = "Smith", PhoneNumber = "+15555550166", Pin = "8765" };
        await _shop.Customers.SaveAsync(namesake, CancellationToken.None);
        var (tools, state) = Unknown();

        var check = await tools.VerifyPinByNameAsync("John Smith", "8765", CancellationToken.None);

        Assert.Equal(PinCheck.Verified, check);
        Assert.Equal(namesake.Id, state.CustomerId);
    }

    private (AgentTools Tools, DialogState State) Unknown()
    {
        var state = new DialogState();
        var context = new ConversationContext(DemoTenant.Profile, "CA" + new string('8', 32), "+15555550188", null, Now);
        return (_shop.Tools.For(context, state), state);
    }
}
