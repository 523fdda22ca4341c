using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Tests.Support;

namespace VoiceAgent.Core.Tests.Customers;

/// <summary>PIN checks against Azurite: the stored hash, and the lockout that spans calls.</summary>
public sealed class CustomerStorePinTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 15, 15, 0, TimeSpan.Zero);
    private static Customer John => DemoTenant.Customers[0];

    [Fact]
    public async Task VerifyPinAsync_RightPin_Verified()
    {
        var store = await SeededStoreAsync();

        Assert.Equal(PinVerification.Verified, await store.VerifyPinAsync(DemoTenant.Id, John.Id, "4321", Now, CancellationToken.None));
    }

    [Fact]
    public async Task VerifyPinAsync_FiveWrongAcrossCalls_LocksEvenTheRightPinForAnHour()
    {
        var store = await SeededStoreAsync();
        var answers = new List<PinVerification>();
        for (var i = 0; i < CustomerStore.MaxPinFailures; i++)
        {
            answers.Add(await store.VerifyPinAsync(DemoTenant.Id, John.Id, "0000", Now.AddMinutes(i), CancellationToken.None));
        }

        var rightWhileLocked = await store.VerifyPinAsync(DemoTenant.Id, John.Id, "4321", Now.AddMinutes(30), CancellationToken.None);
        var rightAfterLockout = await store.VerifyPinAsync(DemoTenant.Id, John.Id, "4321", Now.AddMinutes(5) + CustomerStore.PinLockout, CancellationToken.None);

        Assert.Equal([PinVerification.Wrong, PinVerification.Wrong, PinVerification.Wrong, PinVerification.Wrong, PinVerification.Locked], answers);
        Assert.Equal(PinVerification.Locked, rightWhileLocked);
        Assert.Equal(PinVerification.Verified, rightAfterLockout);
    }

    [Fact]
    public async Task VerifyPinAsync_RightPinResetsTheCount()
    {
        var store = await SeededStoreAsync();
        for (var i = 0; i < CustomerStore.MaxPinFailures - 1; i++)
        {
            await store.VerifyPinAsync(DemoTenant.Id, John.Id, "0000", Now, CancellationToken.None);
        }

        await store.VerifyPinAsync(DemoTenant.Id, John.Id, "4321", Now, CancellationToken.None);
        var wrongAgain = await store.VerifyPinAsync(DemoTenant.Id, John.Id, "0000", Now, CancellationToken.None);

        Assert.Equal(PinVerification.Wrong, wrongAgain);
    }

    [Fact]
    public async Task VerifyPinAsync_CustomerWithoutPin_Wrong()
    {
        var store = await SeededStoreAsync();

        Assert.Equal(PinVerification.Wrong, await store.VerifyPinAsync(DemoTenant.Id, DemoTenant.Customers[1].Id, "4321", Now, CancellationToken.None));
    }

    private async Task<CustomerStore> SeededStoreAsync()
    {
        var tables = await azurite.NewTablesAsync();
        var store = new CustomerStore(tables);
        await new DemoTenantSeeder(new TenantStore(tables), store, Microsoft.Extensions.Options.Options.Create(new DemoOptions())).SeedAsync(CancellationToken.None);
        return store;
    }
}
