using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Functions.Retention;
using VoiceAgent.Functions.Tests.Support;

namespace VoiceAgent.Functions.Tests.Retention;

/// <summary>
/// The daily purge on real storage, fired by its timer on the app's clock: a call older than the shop's retention
/// (90 days) loses its transcript, dialog and summary; the appointment it booked stays; a recent call is kept whole.
/// </summary>
public sealed class CallRetentionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    private FunctionsApp _app = null!;
    private TwilioWebhookClient _twilio = null!;

    public async Task InitializeAsync()
    {
        _app = await FunctionsApp.StartAsync(azurite.Server.ConnectionString);
        _twilio = new TwilioWebhookClient(_app.CreateClient(), _app.AuthToken);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task DailyTimer_CallOlderThanRetention_GoesWithItsTranscript_AndItsAppointmentStays()
    {
        var old = await _twilio.PlayCallAsync(["oil change tomorrow at 9 am", "yes", "no thanks"]);
        var sessions = _app.Services.GetRequiredService<CallSessionStore>();
        Assert.Equal(3, (await sessions.ListTurnsAsync(DemoTenant.Id, old, CancellationToken.None)).Count);

        // Past 03:30 UTC on the 91st day: the CallRetention timer fires on the app's clock, as the Functions host fires it.
        _app.Clock.Advance(TimeSpan.FromDays(DemoTenant.Profile.RetentionDays + 1));
        var recent = await _twilio.PlayCallAsync(["what are your hours", "no thanks"]);
        await Poll.UntilAsync(ct => sessions.FindAsync(DemoTenant.Id, old, ct), call => call is null, Within, _ => "the old call is still there", CancellationToken.None);

        Assert.Empty(await sessions.ListTurnsAsync(DemoTenant.Id, old, CancellationToken.None));
        Assert.NotNull(await sessions.FindAsync(DemoTenant.Id, recent, CancellationToken.None));
        Assert.Equal(2, (await sessions.ListTurnsAsync(DemoTenant.Id, recent, CancellationToken.None)).Count);
        var booked = await _app.Services.GetRequiredService<AppointmentStore>().ListAsync(DemoTenant.Id, new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 2), "cust-john-smith", CancellationToken.None);
        Assert.Equal(old, Assert.Single(booked).CallSid);
    }

    [Fact]
    public async Task Purge_RunAgainAfterTheTimer_FindsNothingMore_AndKeepsARecentCall()
    {
        var old = await _twilio.PlayCallAsync(["what are your hours", "no thanks"]);
        _app.Clock.Advance(TimeSpan.FromDays(DemoTenant.Profile.RetentionDays + 1));
        var recent = await _twilio.PlayCallAsync(["what are your hours", "no thanks"]);
        var sessions = _app.Services.GetRequiredService<CallSessionStore>();
        await Poll.UntilAsync(ct => sessions.FindAsync(DemoTenant.Id, old, ct), call => call is null, Within, _ => "the old call is still there", CancellationToken.None);

        var purged = await ActivatorUtilities.CreateInstance<CallRetentionFunction>(_app.Services).PurgeAsync(CancellationToken.None);

        Assert.Equal(0, purged);
        Assert.NotNull(await sessions.FindAsync(DemoTenant.Id, recent, CancellationToken.None));
    }
}
