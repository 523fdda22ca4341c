namespace VoiceAgent.Conformance.Tests.Infrastructure;

/// <summary>The oracle must be the official library at the pinned version, reached through its public API.</summary>
public sealed class TwilioReferenceTests
{
    [Fact]
    public async Task SelfCheck_ReferenceScript_UsesThePinnedPackagesPublicApi()
    {
        var (samePublicApi, version) = await TwilioReference.SelfCheckAsync();

        Assert.True(samePublicApi);
        Assert.Equal("6.2.0", version);
    }
}
