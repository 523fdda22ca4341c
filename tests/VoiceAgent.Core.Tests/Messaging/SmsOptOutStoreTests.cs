using VoiceAgent.Core.Messaging;

namespace VoiceAgent.Core.Tests.Messaging;

public sealed class SmsOptOutStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 15, 20, 0, TimeSpan.Zero);

    [Fact]
    public async Task OptOutAsync_ThatNumberOnly_ForThatTenantOnly()
    {
        var store = new SmsOptOutStore(await azurite.NewTablesAsync());

        await store.OptOutAsync("t1", "+15555550101", "STOP", At, CancellationToken.None);

        Assert.True(await store.IsOptedOutAsync("t1", "+15555550101", CancellationToken.None));
        Assert.False(await store.IsOptedOutAsync("t1", "+15555550102", CancellationToken.None));
        Assert.False(await store.IsOptedOutAsync("t2", "+15555550101", CancellationToken.None));
    }

    [Fact]
    public async Task OptInAsync_AfterOptOut_TextsAgain_AndTwiceIsFine()
    {
        var store = new SmsOptOutStore(await azurite.NewTablesAsync());
        await store.OptOutAsync("t1", "+15555550101", "Twilio error 21610", At, CancellationToken.None);

        await store.OptInAsync("t1", "+15555550101", CancellationToken.None);
        await store.OptInAsync("t1", "+15555550101", CancellationToken.None);

        Assert.False(await store.IsOptedOutAsync("t1", "+15555550101", CancellationToken.None));
    }
}
