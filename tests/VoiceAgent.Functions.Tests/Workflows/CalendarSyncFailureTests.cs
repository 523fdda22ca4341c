using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Telemetry;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Workflows;
using VoiceAgent.Functions.Tests.Support;

namespace VoiceAgent.Functions.Tests.Workflows;

/// <summary>
/// A calendar that keeps failing: the booking and its text stand, the calendar step ends as a recorded failure (and a
/// metric, which the alert reads), and once the calendar is back the staff re-drive completes it, texting nobody twice.
/// </summary>
public sealed class CalendarSyncFailureTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string John = "+15555550101";

    [Fact]
    public async Task FollowUp_CalendarAlwaysFails_RecordedThenRedriveCompletesIt()
    {
        await using var google = await FakeGoogleCalendarServer.StartAsync();
        google.AlwaysFail = HttpStatusCode.ServiceUnavailable;
        var token = WorkflowApp.NewAuthToken();
        await using var twilio = await WorkflowApp.StartTwilioAsync(token);
        await using var app = await FunctionsApp.StartAsync(azurite.ConnectionString, settings: WorkflowApp.Settings(twilio, new Dictionary<string, string>
        {
            ["GoogleCalendar:CalendarId"] = "shop@example.com",
            ["GoogleCalendar:ClientId"] = FakeGoogleCalendarServer.ClientId,
            ["GoogleCalendar:ClientSecret"] = FakeGoogleCalendarServer.ClientSecret,
            ["GoogleCalendar:RefreshToken"] = FakeGoogleCalendarServer.RefreshToken,
            ["GoogleCalendar:BaseUrl"] = google.BaseUrl,
            ["GoogleCalendar:TokenUrl"] = google.TokenUrl,
            ["GoogleCalendar:CircuitBreakerBreakDuration"] = "00:00:01", // the circuit the outage opened closes soon after it ends
        }), authToken: token);
        using var failures = new MetricProbe(app.Services, VoiceAgentTelemetry.FollowUpsFailedMetric);
        var client = new TwilioWebhookClient(app.CreateClient(), app.AuthToken);

        var callSid = TwilioWebhookClient.NewCallSid();
        await client.PostAsync("/api/voice/incoming", TwilioWebhookClient.CallFields(callSid));
        await SayAsync(client, callSid, "I need an oil change tomorrow at 9 am");
        await SayAsync(client, callSid, "yes");
        Assert.True(await app.WaitForWorkflowsQuietAsync(TimeSpan.FromSeconds(90)), "the follow-up did not finish");

        var followUps = app.Services.GetRequiredService<FollowUpStore>();
        var failure = Assert.Single(await followUps.FailedAsync(DemoTenant.Id, CancellationToken.None));
        Assert.Equal("calendar", failure.Step);
        Assert.Equal(ChangeKind.Booked, failure.Change.Kind);
        Assert.Contains(failures.Measurements, m => (string?)m["step"] == "calendar");
        Assert.Single(twilio.Messages, m => m.To == John); // the text does not wait for the calendar

        google.AlwaysFail = null;
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the circuit's break (1 s, real time) ends before the operator re-drives
        using var redrive = new HttpRequestMessage(HttpMethod.Post, $"/api/tenants/{DemoTenant.Id}/follow-ups/redrive");
        redrive.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.StaffTokenFor(DemoTenant.Id));
        using var http = app.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await http.SendAsync(redrive)).StatusCode);
        Assert.True(await app.WaitForWorkflowsQuietAsync(TimeSpan.FromSeconds(60)), "the re-driven follow-up did not finish");

        Assert.Empty(await followUps.FailedAsync(DemoTenant.Id, CancellationToken.None));
        var appointment = Assert.Single(await app.Services.GetRequiredService<AppointmentStore>().ListAsync(DemoTenant.Id, new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 2), null, CancellationToken.None));
        Assert.NotNull(appointment.CalendarEventId);
        Assert.Single(google.LiveEvents);
        Assert.Single(twilio.Messages, m => m.To == John);
    }

    private static async Task SayAsync(TwilioWebhookClient client, string callSid, string speech)
    {
        var fields = new Dictionary<string, string>(TwilioWebhookClient.CallFields(callSid)) { ["SpeechResult"] = speech, ["Confidence"] = "0.92" };
        (await client.PostAsync("/api/voice/turn", fields)).EnsureSuccessStatusCode();
    }
}
