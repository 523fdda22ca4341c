using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Tenants;
using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.Functions.Tests.Support;

namespace VoiceAgent.Functions.Tests.Voice;

/// <summary>
/// The post-call record over the real webhooks and storage: a Gather call that books, then Twilio's final status
/// callback, leaves the call's outcome, the appointment it touched, its summary and its turn latencies on its record.
/// </summary>
public sealed class CallWrapUpTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private FunctionsApp _app = null!;
    private TwilioWebhookClient _twilio = null!;

    public async Task InitializeAsync()
    {
        _app = await FunctionsApp.StartAsync(azurite.Server.ConnectionString);
        _twilio = new TwilioWebhookClient(_app.CreateClient(), _app.AuthToken);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task FinalStatus_AfterABooking_RecordsOutcomeAppointmentSummaryAndLatencies()
    {
        var callSid = await _twilio.PlayCallAsync(["I need an oil change tomorrow at 9 am", "yes", "no thanks"], durationSeconds: 75);

        var sessions = _app.Services.GetRequiredService<CallSessionStore>();
        var session = await sessions.FindAsync(DemoTenant.Id, callSid, CancellationToken.None);
        var wrapUp = session?.WrapUp;
        Assert.NotNull(wrapUp);
        Assert.Equal("booked", wrapUp.Outcome);
        var booked = Assert.Single(session!.Dialog.Changes);
        Assert.Equal([booked.AppointmentId], wrapUp.AppointmentIds);
        Assert.Equal("John called (1 min). Booked an oil change for Wed, Dec 2 at 9:00 AM.", wrapUp.Summary);
        Assert.Empty(wrapUp.Flags);
        var turns = await sessions.ListTurnsAsync(DemoTenant.Id, callSid, CancellationToken.None);
        Assert.Equal(3, turns.Count);
        Assert.Equal(turns.Max(t => t.ElapsedMilliseconds), wrapUp.SlowestTurnMilliseconds);
    }

    [Fact]
    public async Task NonFinalStatus_LeavesNoWrapUp()
    {
        var callSid = TwilioWebhookClient.NewCallSid();
        await _twilio.PostAsync("/api/voice/incoming", TwilioWebhookClient.CallFields(callSid));

        await _twilio.PostAsync("/api/voice/status", new Dictionary<string, string>(TwilioWebhookClient.CallFields(callSid)) { ["CallStatus"] = "in-progress" });

        var session = await _app.Services.GetRequiredService<CallSessionStore>().FindAsync(DemoTenant.Id, callSid, CancellationToken.None);
        Assert.Null(session!.WrapUp);
    }
}
