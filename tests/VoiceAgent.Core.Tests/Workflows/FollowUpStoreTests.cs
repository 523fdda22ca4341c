using Microsoft.Extensions.Time.Testing;
using VoiceAgent.Core.Workflows;

namespace VoiceAgent.Core.Tests.Workflows;

/// <summary>The FollowUps outbox against Azurite: rows exist only while a change's follow-up is pending or failed.</summary>
public sealed class FollowUpStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Call = "CA11111111111111111111111111111111";
    private static readonly DateTimeOffset At = new(2026, 12, 1, 15, 20, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task PendingForCallAsync_ChangesOfThatCallOnly()
    {
        var store = await NewStoreAsync();
        var booked = Change("20261202-a", ChangeKind.Booked);
        var moved = Change("20261203-b", ChangeKind.Rescheduled) with { ReplacesId = "20261202-a" };
        await store.RecordAsync(booked, None);
        await store.RecordAsync(moved, None);
        await store.RecordAsync(Change("20261202-c", ChangeKind.Booked) with { CallSid = "CA22222222222222222222222222222222" }, None);
        await store.RecordAsync(Change("20261202-d", ChangeKind.Cancelled) with { CallSid = null }, None);
        await store.RecordAsync(Change("20261202-e", ChangeKind.Booked) with { TenantId = "other-shop" }, None);

        var pending = await store.PendingForCallAsync("t1", Call, None);

        Assert.Equal([booked, moved], pending);
    }

    [Fact]
    public async Task RecordAsync_SameChangeTwice_IsOneRow()
    {
        var store = await NewStoreAsync();

        await store.RecordAsync(Change("20261202-a", ChangeKind.Booked), None);
        await store.RecordAsync(Change("20261202-a", ChangeKind.Booked), None);

        Assert.Single(await store.PendingForCallAsync("t1", Call, None));
    }

    [Fact]
    public async Task PendingAsync_OnlyChangesRecordedBeforeTheCutOff()
    {
        var store = await NewStoreAsync();
        var old = Change("20261202-a", ChangeKind.Booked);
        await store.RecordAsync(old, None);
        await store.RecordAsync(Change("20261202-b", ChangeKind.Booked) with { At = At.AddMinutes(5) }, None);

        var stale = await store.PendingAsync("t1", At.AddMinutes(2), None);

        Assert.Equal([old], stale);
    }

    [Fact]
    public async Task CompleteAsync_RemovesTheRow_AndTwiceIsFine()
    {
        var store = await NewStoreAsync();
        var change = Change("20261202-a", ChangeKind.Booked);
        await store.RecordAsync(change, None);

        await store.CompleteAsync(change, None);
        await store.CompleteAsync(change, None);

        Assert.Empty(await store.PendingForCallAsync("t1", Call, None));
        Assert.Empty(await store.FailedAsync("t1", None));
    }

    [Fact]
    public async Task FailAsync_IsListedAsFailedWithItsSteps_AndNoLongerPending()
    {
        var clock = new FakeTimeProvider(At.AddMinutes(10));
        var store = await NewStoreAsync(clock);
        var change = Change("20261202-a", ChangeKind.Booked);
        await store.RecordAsync(change, None);

        await store.FailAsync(change, "calendar", "Google Calendar events.insert: no answer.", None);
        await store.FailAsync(change, "text", "Twilio could not take the text now", None);

        var failure = Assert.Single(await store.FailedAsync("t1", None));
        Assert.Equal(change, failure.Change);
        Assert.Equal("calendar, text", failure.Step);
        Assert.Equal("Google Calendar events.insert: no answer. | Twilio could not take the text now", failure.Reason);
        Assert.Equal(At.AddMinutes(10), failure.FailedAt);
        Assert.Empty(await store.PendingForCallAsync("t1", Call, None));
        Assert.Empty(await store.PendingAsync("t1", At.AddHours(1), None));
    }

    [Fact]
    public async Task RetryAsync_FailedChange_IsPendingAgain()
    {
        var store = await NewStoreAsync();
        var change = Change("20261202-a", ChangeKind.Cancelled);
        await store.FailAsync(change, "calendar", "down", None);

        await store.RetryAsync(change, None);

        Assert.Empty(await store.FailedAsync("t1", None));
        Assert.Equal([change], await store.PendingAsync("t1", At.AddMinutes(1), None));
    }

    [Fact]
    public void InstanceId_NamesTenantAppointmentAndKind()
    {
        Assert.Equal("followup-t1-20261203-b-rescheduled", Change("20261203-b", ChangeKind.Rescheduled).InstanceId);
    }

    private async Task<FollowUpStore> NewStoreAsync(TimeProvider? clock = null) => new(await azurite.NewTablesAsync(), clock);

    private static AppointmentChange Change(string appointmentId, ChangeKind kind) => new("t1", appointmentId, kind, null, Call, At);
}
