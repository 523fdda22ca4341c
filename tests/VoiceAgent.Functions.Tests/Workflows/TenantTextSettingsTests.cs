using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Messaging;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Workflows;
using VoiceAgent.Functions.Tests.Support;
using VoiceAgent.Functions.Workflows;

namespace VoiceAgent.Functions.Tests.Workflows;

/// <summary>
/// A shop's texting settings (<see cref="TenantProfile.Sms"/>) in the workflows, on the real Durable engine with Twilio's
/// stand-in: a text the shop turned off is not sent and its notice says so (and the reminder does not claim a text went
/// out); the shop's own sender number is the one its texts come from.
/// </summary>
public sealed class TenantTextSettingsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string John = "+15555550101";
    private const string Maria = "+15555550102";
    private static readonly TimeSpan ShopTime = TimeSpan.FromHours(-6);

    [Fact]
    public async Task Booking_ShopTurnedConfirmationsOff_NoTextAndTheNoticeSaysSkippedBySettings()
    {
        var token = WorkflowApp.NewAuthToken();
        await using var twilio = await WorkflowApp.StartTwilioAsync(token);
        await using var app = await FunctionsApp.StartAsync(azurite.ConnectionString, settings: WorkflowApp.Settings(twilio), authToken: token);
        await SaveShopAsync(app, new TenantSms { SendsConfirmations = false });

        var booked = await BookByCallAsync(app);

        Assert.DoesNotContain(twilio.Messages, m => m.To == John);
        var notice = booked.Notices[NoticeKeys.SmsBooked];
        Assert.Equal((NoticeState.Skipped, AppointmentTextSender.TurnedOffDetail, null), (notice.State, notice.Detail, notice.Sid));
        Assert.Empty(await app.Services.GetRequiredService<FollowUpStore>().FailedAsync(DemoTenant.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Booking_ShopWithItsOwnSenderNumber_TheTextComesFromIt()
    {
        const string sender = "+15555550190";
        var token = WorkflowApp.NewAuthToken();
        await using var twilio = await WorkflowApp.StartTwilioAsync(token);
        await using var app = await FunctionsApp.StartAsync(azurite.ConnectionString, settings: WorkflowApp.Settings(twilio), authToken: token);
        await SaveShopAsync(app, new TenantSms { FromNumber = sender });

        var booked = await BookByCallAsync(app);

        var text = Assert.Single(twilio.Messages, m => m.To == John);
        Assert.Equal(sender, text.From);
        Assert.Equal((NoticeState.Sent, text.Sid), (booked.Notices[NoticeKeys.SmsBooked].State, booked.Notices[NoticeKeys.SmsBooked].Sid));
    }

    [Fact]
    public async Task Sweep_ShopTurnedReminderTextsOffAndNoCallingWindowLeft_NoTextAndTheReminderEndsUnreached()
    {
        var token = WorkflowApp.NewAuthToken();
        await using var twilio = await WorkflowApp.StartTwilioAsync(token);
        await using var app = await FunctionsApp.StartAsync(azurite.ConnectionString, settings: WorkflowApp.Settings(twilio), authToken: token);
        await SaveShopAsync(app, new TenantSms { SendsReminderTexts = false });

        // Wednesday 08:30, booked a week ago; at Tuesday 19:30 the calling window (09:00–19:00) is closed and opens again
        // only after the start: the reminder is due as a text.
        var start = new DateTimeOffset(2026, 12, 2, 8, 30, 0, ShopTime);
        var store = app.Services.GetRequiredService<AppointmentStore>();
        var appointment = await DemoBooking.BookAsync(store, Maria, "tire rotation", start, start.AddDays(-7), CancellationToken.None);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 19, 30, 0, ShopTime));

        var swept = await ActivatorUtilities.CreateInstance<ReminderSweepFunction>(app.Services).SweepAsync(app.Workflows, CancellationToken.None);

        Assert.Equal(0, swept.Texts);
        Assert.Empty(twilio.Messages);
        Assert.Empty(twilio.Calls);
        var stored = await store.FindAsync(DemoTenant.Id, appointment.Id, CancellationToken.None);
        Assert.Equal(ReminderOutcome.Unreached, stored!.Reminder.Outcome);
        var notice = stored.Notices[NoticeKeys.SmsReminder];
        Assert.Equal((NoticeState.Skipped, AppointmentTextSender.TurnedOffDetail), (notice.State, notice.Detail));
    }

    [Fact]
    public async Task ReminderCall_ShopTurnedReminderTextsOffAndNobodyAnswered_NoTextAndTheReminderEndsUnreached()
    {
        var token = WorkflowApp.NewAuthToken();
        await using var twilio = await WorkflowApp.StartTwilioAsync(token);
        await using var app = await FunctionsApp.StartAsync(azurite.ConnectionString, settings: WorkflowApp.Settings(twilio), authToken: token);
        twilio.RouteWebhooks(new Uri(FunctionsApp.PublicBaseUrl), app.CreateClient().BaseAddress!);
        await app.Services.GetRequiredService<TenantStore>().SaveAsync(
            DemoTenant.Profile with { Sms = new TenantSms { SendsReminderTexts = false }, Reminders = ReminderPolicy.Default with { MaxAttempts = 1 } },
            CancellationToken.None);

        // Tire rotation Wednesday 10:00: its one reminder call is due Tuesday 10:00; nobody answers it.
        var start = new DateTimeOffset(2026, 12, 2, 10, 0, 0, ShopTime);
        var store = app.Services.GetRequiredService<AppointmentStore>();
        var appointment = await DemoBooking.BookAsync(store, Maria, "tire rotation", start, start.AddDays(-7), CancellationToken.None);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 10, 0, 0, ShopTime));
        await ActivatorUtilities.CreateInstance<ReminderSweepFunction>(app.Services).SweepAsync(app.Workflows, CancellationToken.None);
        Assert.True(await app.WaitForWorkflowsQuietAsync(TimeSpan.FromSeconds(60)), "the reminder attempt did not finish");

        Assert.Single(twilio.Calls, c => c.To == Maria);
        Assert.Empty(twilio.Messages);
        var stored = await store.FindAsync(DemoTenant.Id, appointment.Id, CancellationToken.None);
        Assert.Equal((ReminderOutcome.Unreached, 1), (stored!.Reminder.Outcome, stored.Reminder.Attempts));
        var notice = stored.Notices[NoticeKeys.SmsReminder];
        Assert.Equal((NoticeState.Skipped, AppointmentTextSender.TurnedOffDetail), (notice.State, notice.Detail));
    }

    private static async Task SaveShopAsync(FunctionsApp app, TenantSms sms) =>
        await app.Services.GetRequiredService<TenantStore>().SaveAsync(DemoTenant.Profile with { Sms = sms }, CancellationToken.None);

    /// <summary>John books an oil change for tomorrow at 9 on a Gather call; the appointment once its follow-up has finished.</summary>
    private static async Task<Appointment> BookByCallAsync(FunctionsApp app)
    {
        var client = new TwilioWebhookClient(app.CreateClient(), app.AuthToken);
        var callSid = TwilioWebhookClient.NewCallSid();
        await client.PostAsync("/api/voice/incoming", TwilioWebhookClient.CallFields(callSid));
        await SayAsync(client, callSid, "I need an oil change tomorrow at 9 am");
        await SayAsync(client, callSid, "yes");
        Assert.True(await app.WaitForWorkflowsQuietAsync(TimeSpan.FromSeconds(90)), "the follow-up did not finish");
        var day = new DateOnly(2026, 12, 2);
        return Assert.Single(await app.Services.GetRequiredService<AppointmentStore>().ListAsync(DemoTenant.Id, day, day, null, CancellationToken.None));
    }

    private static async Task SayAsync(TwilioWebhookClient client, string callSid, string speech)
    {
        var fields = new Dictionary<string, string>(TwilioWebhookClient.CallFields(callSid)) { ["SpeechResult"] = speech, ["Confidence"] = "0.92" };
        (await client.PostAsync("/api/voice/turn", fields)).EnsureSuccessStatusCode();
    }
}
