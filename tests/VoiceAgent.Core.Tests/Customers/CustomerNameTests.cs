using VoiceAgent.Core.Customers;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Tests.Support;

namespace VoiceAgent.Core.Tests.Customers;

/// <summary>Finding customers by name: the comparable key, and the lookup on Azurite.</summary>
public sealed class CustomerNameTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData("John Smith", "john smith")]
    [InlineData("  JOHN   smith ", "john smith")]
    [InlineData("José O'Neil", "jose oneil")]
    [InlineData("Mary-Jane Watson", "mary jane watson")]
    [InlineData("", "")]
    public void Key_IgnoresCaseAccentsAndPunctuation(string name, string key) => Assert.Equal(key, CustomerName.Key(name));

    [Fact]
    public async Task FindByName_MatchesTheSavedName_AndSaysWhetherItHasAPin()
    {
        var store = new CustomerStore(await azurite.NewTablesAsync());
        foreach (var customer in DemoTenant.Customers)
        {
            await store.SaveAsync(customer, CancellationToken.None);
        }

        var john = await store.FindByNameAsync(DemoTenant.Id, "john smith", CancellationToken.None);
        var maria = await store.FindByNameAsync(DemoTenant.Id, "MARIA GARCIA", CancellationToken.None);
        var nobody = await store.FindByNameAsync(DemoTenant.Id, "John", CancellationToken.None);
        var otherTenant = await store.FindByNameAsync("another-shop", "john smith", CancellationToken.None);

        Assert.Equal(new NamedCustomer(DemoTenant.Customers[0].Id, HasPin: true), Assert.Single(john));
        Assert.Equal(new NamedCustomer(DemoTenant.Customers[1].Id, HasPin: false), Assert.Single(maria));
        Assert.Empty(nobody);
        Assert.Empty(otherTenant);
    }
}
