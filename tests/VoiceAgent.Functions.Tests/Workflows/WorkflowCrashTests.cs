using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using VoiceAgent.CallSimulator.Scenarios;
using VoiceAgent.CallSimulator.Telephony;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Functions.Tests.Support;
using VoiceAgent.Functions.Workflows;
using VoiceAgent.TwilioApiStandIn;
using VoiceAgent.TwilioApiStandIn.Voice;
using Xunit.Abstractions;
using SimulatorWebhooks = VoiceAgent.CallSimulator.Telephony.TwilioWebhookClient;

namespace VoiceAgent.Functions.Tests.Workflows;

/// <summary>
/// Exactly once across a crash, with real processes: the app (the local Functions host executable, on Azurite) is
/// killed after the Twilio stand-in accepted and recorded a send and before the app heard its sid, then started again on
/// the same tables and task hub. Durable hands the interrupted activity to the new process, which finds its own claim
/// without a sid, finds the send in Twilio's list instead of sending again, and the workflow finishes. The stand-in
/// never de-duplicates, so it shows what Twilio would have: one text, one call.
/// </summary>
public sealed class WorkflowCrashTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const string John = "+15555550101";
    private const string Maria = "+15555550102";
    private const string PublicBaseUrl = "https://voiceagent.crash.test";
    private const string DurableSettings = "AzureFunctionsJobHost:extensions:durableTask";

    private static readonly TimeSpan ShopTime = TimeSpan.FromHours(-6);

    /// <summary>Tuesday 2026-12-01 09:15 at the shop, as in the shared scenarios.</summary>
    private static readonly DateTimeOffset Tuesday0915 = new(2026, 12, 1, 9, 15, 0, ShopTime);

    /// <summary>From the restart to the workflow's end: the activity's message seen again, the dead host's partition lease taken over.</summary>
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(45);

    private static readonly TimeSpan CrashWithin = TimeSpan.FromSeconds(30);

    /// <summary>How long Durable hides a dequeued activity message: after a crash, the activity runs again this long after it began.</summary>
    private static readonly TimeSpan ActivityVisibility = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task BookingText_AppKilledAfterTwilioAcceptedIt_RestartedAppRecordsThatTextAndSendsNoOther()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var phases = new Phases(output);
        var clock = new FakeTimeProvider(Tuesday0915);
        var crash = new CrashOnAccepted();
        await using var twilio = await StartTwilioAsync(clock, crash, timeout.Token);
        var storage = await AppStorage.CreateAsync(azurite.ConnectionString, timeout.Token);
        await using var app = await AppProcess.StartAsync(Settings(storage, twilio), clock, timeout.Token);
        twilio.RouteWebhooks(new Uri(PublicBaseUrl), app.BaseUrl);
        phases.Reached("app started");

        // Should the text go out before the caller hangs up, the crash waits for the call to end (only the text's answer is
        // lost), though never as long as Durable hides the running activity, which would run it again in this process.
        var callOver = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        crash.Arm(app, sid => twilio.Messages.Any(m => m.Sid == sid && m.To == John), callOver.Task, ActivityVisibility - TimeSpan.FromSeconds(2));
        using var http = new HttpClient();
        var call = CallIdentity.NewInbound(John, DemoTenant.Number);
        var webhooks = new SimulatorWebhooks(http, app.BaseUrl, new Uri(PublicBaseUrl), twilio.AuthToken);
        var caller = new ScriptedCaller(["I need an oil change tomorrow at 9 am", "yes", "no that's all, thanks, goodbye"]);
        var result = await new SimulatedCall(webhooks, caller, clock, new SimulatedCallOptions()).RunAsync(call, timeout.Token);
        callOver.SetResult();
        phases.Reached(crash.Crashed.IsCompleted ? "call over (the app was killed during it)" : "call over");
        Assert.False(result.Failed, $"{result.Error}\n{string.Join('\n', result.Transcript)}\n{app.LogTail()}");

        var killedOn = await CrashedAsync(crash, app, timeout.Token);
        phases.Reached("app killed");
        var day = DemoTenant.Profile.Time.DayOf(Tuesday0915);
        var booked = await storage.BookedByCallAsync(call.CallSid, day, day.AddDays(2), timeout.Token);
        Assert.NotNull(booked);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 9, 0, 0, ShopTime), booked.Start);
        var claim = booked.Notices[NoticeKeys.SmsBooked];
        Assert.True(claim is { State: NoticeState.Claimed, Sid: null }, $"the crash came after the text was recorded: {claim}");

        await app.StartAgainAsync(timeout.Token);
        phases.Reached("app healthy again");
        var finished = await Poll.UntilAsync(
            async ct => (Appointment: await storage.FindAsync(booked.Id, ct), Pending: await storage.FollowUps.PendingForCallAsync(DemoTenant.Id, call.CallSid, ct)),
            r => r.Appointment?.Notices.GetValueOrDefault(NoticeKeys.SmsBooked)?.State == NoticeState.Sent && r.Pending.Count == 0,
            Recovery,
            r => $"notice {r.Appointment?.Notices.GetValueOrDefault(NoticeKeys.SmsBooked)}, {r.Pending.Count} follow-up(s) pending\n{app.LogTail()}",
            timeout.Token);
        phases.Reached("text recorded, workflow finished");
        phases.Reconciliations(app);

        var text = Assert.Single(twilio.Messages, m => m.To == John);
        Assert.Equal(killedOn, text.Sid);
        Assert.Equal(text.Sid, finished.Appointment!.Notices[NoticeKeys.SmsBooked].Sid);
        Assert.Contains("oil change", text.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await storage.FollowUps.FailedAsync(DemoTenant.Id, timeout.Token));
    }

    [Fact]
    public async Task ReminderCall_AppKilledAfterTwilioAcceptedIt_RestartedAppRecordsThatCallAndPlacesNoOther()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var phases = new Phases(output);
        var clock = new FakeTimeProvider(Tuesday0915);
        var crash = new CrashOnAccepted();
        await using var twilio = await StartTwilioAsync(clock, crash, timeout.Token);
        var storage = await AppStorage.CreateAsync(azurite.ConnectionString, timeout.Token);
        await using var app = await AppProcess.StartAsync(Settings(storage, twilio), clock, timeout.Token);
        twilio.RouteWebhooks(new Uri(PublicBaseUrl), app.BaseUrl);
        phases.Reached("app started");

        // Tire rotation Wednesday 10:00, booked a while ago: its reminder is due Tuesday 10:00 (24 h before, in the window).
        var appointment = await storage.BookAsync(Maria, "tire rotation", new DateTimeOffset(2026, 12, 2, 10, 0, 0, ShopTime), Tuesday0915, timeout.Token);
        var due = new DateTimeOffset(2026, 12, 1, 10, 0, 0, ShopTime);
        crash.Arm(app, sid => twilio.Calls.Any(c => c.Sid == sid && c.To == Maria));
        try
        {
            await app.MoveClockAsync(due, timeout.Token); // the sweep at 10:00 starts the attempt
        }
        catch (HttpRequestException) when (!app.IsRunning)
        {
            // killed while the clock request was still being answered: the sweep had already run
        }

        var killedOn = await CrashedAsync(crash, app, timeout.Token);
        phases.Reached("app killed");
        var claimed = await storage.FindAsync(appointment.Id, timeout.Token);
        var claim = claimed!.Notices[NoticeKeys.Call(1)];
        Assert.True(claim is { State: NoticeState.Claimed, Sid: null }, $"the crash came after the call was recorded: {claim}");
        Assert.Equal(ReminderOutcome.Calling, claimed.Reminder.Outcome);

        await app.StartAgainAsync(timeout.Token); // its clock starts at 10:00, where the first one was
        phases.Reached("app healthy again");
        var recorded = await Poll.UntilAsync(
            ct => storage.FindAsync(appointment.Id, ct),
            a => a is { Reminder.Outcome: not ReminderOutcome.Calling } && a.Notices.GetValueOrDefault(NoticeKeys.Call(1))?.State == NoticeState.Sent,
            Recovery,
            a => $"reminder {a?.Reminder}, notice {a?.Notices.GetValueOrDefault(NoticeKeys.Call(1))}\n{app.LogTail()}",
            timeout.Token);
        phases.Reached("call recorded, attempt finished");
        phases.Reconciliations(app);

        var placed = Assert.Single(twilio.Calls, c => c.To == Maria);
        Assert.Equal(killedOn, placed.Sid);
        Assert.Equal(CallStatuses.NoAnswer, placed.Status);
        Assert.Equal(placed.Sid, recorded!.Notices[NoticeKeys.Call(1)].Sid);
        Assert.Equal(placed.Sid, recorded.Reminder.CallSid);

        // Nobody answered: the next try is the tenant's policy's, two hours later, and no other call was made meanwhile.
        Assert.Equal(ReminderOutcome.Retrying, recorded.Reminder.Outcome);
        Assert.Equal(1, recorded.Reminder.Attempts);
        Assert.Equal(due.AddHours(2), recorded.Reminder.NextAttemptAt);
    }

    /// <summary>Real time from the test's start to each step, in the test output (measured, not asserted).</summary>
    private sealed class Phases(ITestOutputHelper output)
    {
        private readonly long _started = TimeProvider.System.GetTimestamp();

        public void Reached(string phase) => output.WriteLine($"{TimeProvider.System.GetElapsedTime(_started).TotalSeconds,6:0.0} s  {phase}");

        /// <summary>The app's own word that it found the send in Twilio's list instead of sending again.</summary>
        public void Reconciliations(AppProcess app)
        {
            foreach (var line in app.LogTail(400).Split('\n').Where(l => l.Contains("recorded, not", StringComparison.Ordinal)))
            {
                output.WriteLine(line);
            }
        }
    }

    private static async Task<TwilioStandIn> StartTwilioAsync(FakeTimeProvider clock, CrashOnAccepted crash, CancellationToken cancellationToken) =>
        await TwilioStandIn.StartAsync(new TwilioStandInOptions
        {
            AuthToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            Time = clock,
            Phone = NobodyAnswers.Instance,
            OnAccepted = crash.OnAcceptedAsync,
        }, cancellationToken);

    private static async Task<string> CrashedAsync(CrashOnAccepted crash, AppProcess app, CancellationToken cancellationToken)
    {
        try
        {
            return await crash.Crashed.WaitAsync(CrashWithin, cancellationToken);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Twilio was never asked for the send to crash on within {CrashWithin.TotalSeconds:0} s.\n{app.LogTail()}");
            throw;
        }
    }

    /// <summary>
    /// The app on <paramref name="storage"/> and its own task hub, its Twilio client on the stand-in, and Durable tuned so
    /// a restarted host takes over within seconds: a dequeued activity is seen again 5 s after the crash, a control-queue
    /// message 10 s after (the host's own lease timings hand a dead host's partition over after 10 s).
    /// </summary>
    private static Dictionary<string, string> Settings(AppStorage storage, TwilioStandIn twilio)
    {
        var settings = new Dictionary<string, string>(storage.Settings, StringComparer.OrdinalIgnoreCase)
        {
            ["Demo:SeedDemoTenant"] = "true",
            ["Twilio:AuthToken"] = twilio.AuthToken,
            ["Twilio:AccountSid"] = twilio.AccountSid,
            ["Twilio:ApiBaseUrl"] = twilio.BaseUrl.ToString(),
            ["Twilio:PublicBaseUrl"] = PublicBaseUrl,
            [$"{DurableSettings}:hubName"] = storage.Prefix + "hub",
            [$"{DurableSettings}:storageProvider:workItemQueueVisibilityTimeout"] = ActivityVisibility.ToString("c", CultureInfo.InvariantCulture),
            [$"{DurableSettings}:storageProvider:controlQueueVisibilityTimeout"] = "00:00:10",
            [$"{WorkflowOptions.Section}:{nameof(WorkflowOptions.CallOutcomeWaitSeconds)}"] = "5",
            [$"{WorkflowOptions.Section}:{nameof(WorkflowOptions.FirstRetrySeconds)}"] = "0.5",
        };
        return settings;
    }
}
