using VoiceAgent.Core.Customers;

namespace VoiceAgent.Core.Tests.Customers;

public sealed class PinHashTests
{
    [Fact]
    public void Verify_SamePin_ReturnsTrue()
    {
        Assert.True(PinHash.Verify("4321", PinHash.Create("4321")));
    }

    [Fact]
    public void Verify_OtherPin_ReturnsFalse()
    {
        Assert.False(PinHash.Verify("1234", PinHash.Create("4321")));
    }

    [Fact]
    public void Create_SamePinTwice_UsesDifferentSalts()
    {
        Assert.NotEqual(PinHash.Create("4321"), PinHash.Create("4321"));
    }

    [Fact]
    public void Create_NeverContainsThePin()
    {
        Assert.DoesNotContain("4321", PinHash.Create("4321"), StringComparison.Ordinal);
    }
}
