using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Functions.Tests.Support;
using VoiceAgent.Functions.Workflows;

namespace VoiceAgent.Functions.Tests.Workflows;

/// <summary>
/// Exactly one reminder call, however often the sweep finds it due: three sweeps in a row, two app instances sweeping at
/// once on one task hub, a sweep after the attempt completed, and a start of the completed instance itself.
/// </summary>
public sealed class ReminderDuplicateTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Maria = "+15555550102";

    [Fact]
    public async Task Sweep_RepeatedConcurrentAndAfterCompletion_PlacesOneCall()
    {
        var token = WorkflowApp.NewAuthToken();
        await using var twilio = await WorkflowApp.StartTwilioAsync(token);
        var prefix = FunctionsApp.NewTablePrefix();
        await using var first = await FunctionsApp.StartAsync(azurite.ConnectionString, prefix, WorkflowApp.Settings(twilio), authToken: token);
        await using var second = await FunctionsApp.StartAsync(azurite.ConnectionString, prefix, WorkflowApp.Settings(twilio), authToken: token);
        twilio.RouteWebhooks(new Uri(FunctionsApp.PublicBaseUrl), first.CreateClient().BaseAddress!);

        // Tire rotation on Wednesday 10:00: its reminder is due Tuesday 10:00; both instances' clocks are there.
        var start = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(-6));
        var appointment = await DemoBooking.BookAsync(first.Services.GetRequiredService<AppointmentStore>(), Maria, "tire rotation", start, start.AddDays(-7), CancellationToken.None);
        foreach (var app in new[] { first, second })
        {
            app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(-6)));
        }

        for (var i = 0; i < 3; i++)
        {
            await SweepAsync(first);
        }

        await Task.WhenAll(SweepAsync(first), SweepAsync(second), SweepAsync(second));
        Assert.True(await first.WaitForWorkflowsQuietAsync(TimeSpan.FromSeconds(60)), "the reminder attempt did not finish");

        // After the attempt completed (nobody answered: a retry is due in two hours, not now), sweep again, and start
        // the completed instance itself, as a stale sweep would.
        await Task.WhenAll(SweepAsync(first), SweepAsync(second));
        var attempt = new ReminderAttempt(DemoTenant.Id, appointment.Id, DemoTenant.Profile.Time.DayOf(start), 1);
        await first.Workflows.ScheduleNewOrchestrationInstanceAsync(nameof(ReminderCallOrchestrator.ReminderCall), attempt, new StartOrchestrationOptions(attempt.InstanceId));
        Assert.True(await first.WaitForWorkflowsQuietAsync(TimeSpan.FromSeconds(60)), "the restarted attempt did not finish");

        var call = Assert.Single(twilio.Calls, c => c.To == Maria);
        var stored = await first.Services.GetRequiredService<AppointmentStore>().FindAsync(DemoTenant.Id, appointment.Id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(call.Sid, stored.Notices[NoticeKeys.Call(1)].Sid);
        Assert.Equal(ReminderOutcome.Retrying, stored.Reminder.Outcome);
        Assert.Equal(1, stored.Reminder.Attempts);
    }

    private static async Task SweepAsync(FunctionsApp app) =>
        await ActivatorUtilities.CreateInstance<ReminderSweepFunction>(app.Services).SweepAsync(app.Workflows, CancellationToken.None);
}
