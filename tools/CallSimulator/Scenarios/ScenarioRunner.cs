using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VoiceAgent.CallSimulator.Hosting;
using VoiceAgent.CallSimulator.Scenarios.Agents;
using VoiceAgent.CallSimulator.Telephony;
using VoiceAgent.Core.Appointments;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Tenants;
using VoiceAgent.Core.Tenants.Profiles;
using VoiceAgent.TwilioApiStandIn;

namespace VoiceAgent.CallSimulator.Scenarios;

/// <summary>
/// Plays scenarios (shared/scenarios/README.md "How the runner plays a scenario" and "After the call"): for each one a
/// fresh app on its own tables and task hub in the shared Azurite, seeded with the demo tenant and <c>given</c>, its clock
/// at <c>now</c>, and its own stand-in for Twilio's REST API; one inbound call from <c>from</c> through the real, signed
/// webhooks; then the <c>then:</c> steps (the clock moved through every timer on the way, outbound calls answered from
/// the <c>answer</c> queue), waiting for the workflows to be quiet after the call and after each step; the outcome checked
/// against storage and what the stand-in recorded.
/// </summary>
/// <param name="storageIsShared">
/// The storage outlives the run (given with <c>--storage</c>): each scenario's tables and task hub are deleted after it.
/// An emulator started for the run goes away with it, so nothing is deleted.
/// </param>
/// <param name="agent">
/// Who answers the call: the offline engine (null, the default), or the LLM agent against the model the agent prepares
/// for each scenario (a scripted stand-in, or a real endpoint); the model's own checks join the scenario's reasons.
/// </param>
/// <param name="transport">The demo shop's transport: Gather (the default), or ConversationRelay through the real-time host.</param>
public sealed class ScenarioRunner(string storageConnectionString, HttpClient http, bool storageIsShared = true, IScenarioAgent? agent = null, CallTransport transport = CallTransport.Gather)
{
    public const int MaxAgentTurns = 15;

    /// <summary>How long the runner waits for the workflows and calls to be quiet, each time (real time).</summary>
    public static readonly TimeSpan QuietWait = TimeSpan.FromSeconds(30);

    private readonly string _runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
    private int _played;

    public async Task<ScenarioResult> RunAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var prefix = $"s{_runId}n{Interlocked.Increment(ref _played):D3}";
        var clock = new FakeTimeProvider(scenario.Now);
        var answers = new ScenarioAnswers(scenario.From, scenario.Answers);
        await using var twilio = await TwilioStandIn.StartAsync(new TwilioStandInOptions
        {
            AuthToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            Time = clock,
            Phone = new SimulatedPhone(http, answers.Next, MaxAgentTurns),
        }, cancellationToken);

        await using var model = await (agent ?? OfflineAgent.Instance).PrepareAsync(scenario, cancellationToken);
        if (model.Unavailable is { } missing)
        {
            return Failed(scenario, missing);
        }

        InProcessAgentHost host;
        try
        {
            host = await InProcessAgentHost.StartAsync(storageConnectionString, prefix, clock, twilio, model.AppSettings, cancellationToken, transport);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Failed(scenario, $"the app did not start: {ex.GetBaseException().Message}");
        }

        await using (host)
        {
            IReadOnlyList<Appointment> seeded;
            try
            {
                await SeedTenantAsync(host, scenario, cancellationToken);
                seeded = await ScenarioBook.SeedAsync(host.Services, scenario, cancellationToken);
            }
            catch (ScenarioFileException ex)
            {
                return Failed(scenario, ex.Message);
            }

            var reasons = new List<string>();
            CallResult? inbound = null;
            if (scenario.HasInboundCall)
            {
                var client = new TwilioWebhookClient(http, host.BaseUrl, InProcessAgentHost.PublicBaseUrl, host.AuthToken);
                var call = CallIdentity.NewInbound(scenario.From, scenario.Tenant.PhoneNumber);
                var options = new SimulatedCallOptions { MaxAgentTurns = MaxAgentTurns, AdvanceClock = host.Clock.Advance, Realtime = host.Realtime };
                inbound = await new SimulatedCall(client, ScriptedCaller.Saying(scenario.Caller!), host.Clock, options).RunAsync(call, cancellationToken);
            }

            await SettleAsync(host, twilio, "after the call", reasons, cancellationToken);
            for (var i = 0; i < scenario.Then.Count; i++)
            {
                if (scenario.Then[i] is ClockStep step && step.To > host.Clock.GetUtcNow())
                {
                    var index = i;
                    await host.AdvanceClockAsync(step.To, ct => SettleAsync(host, twilio, $"during then[{index}] (clock {step.To:O})", reasons, ct), cancellationToken);
                }

                await SettleAsync(host, twilio, $"after then[{i}]", reasons, cancellationToken);
            }

            ScenarioObservation observed;
            try
            {
                observed = new ScenarioObservation
                {
                    Inbound = inbound,
                    Session = inbound is null ? null : await host.Services.GetRequiredService<CallSessionStore>().FindAsync(scenario.Tenant.Id, inbound.Call.CallSid, cancellationToken),
                    Appointments = await ScenarioBook.ReadAsync(host.Services, scenario, seeded, cancellationToken),
                    Texts = [.. twilio.Messages.Where(m => m.To == scenario.From)],
                    CallsToCaller = [.. twilio.Calls.Where(c => c.To == scenario.From)],
                    ReminderSubject = await ScenarioBook.ReminderSubjectAsync(host.Services, scenario, seeded, inbound?.Call.CallSid, cancellationToken),
                };
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return Failed(scenario, $"could not read the outcome from storage: {ex.GetBaseException().Message}") with { Transcript = inbound?.Transcript ?? [], AppLog = host.Logs.Lines };
            }

            reasons.AddRange(model.Check(host.Logs.Entries));

            var verdict = new ScenarioResult
            {
                Name = scenario.Name,
                SourcePath = scenario.SourcePath,
                Reasons = [.. reasons.Distinct(StringComparer.Ordinal), .. ExpectationChecker.Check(scenario, observed)],
                Transcript = inbound?.Transcript ?? [],
                AfterTheCall = TwilioActivity.Describe(twilio, scenario.Tenant),
                AppLog = host.Logs.Lines,
                ModelLog = model.Exchanges(),
            };
            if (storageIsShared)
            {
                await DeleteTablesAsync(host, cancellationToken);
            }

            return verdict;
        }
    }

    /// <summary>
    /// Waits (at most <see cref="QuietWait"/> in all) until the workflows are quiet and no call is live at the same time:
    /// a call that ends can start workflow steps, and a step can place a call, so both are checked again until a pass in
    /// which the stand-in told the app nothing new. Still busy at the end is a failure reason, not an endless wait.
    /// </summary>
    private static async Task SettleAsync(InProcessAgentHost host, TwilioStandIn twilio, string when, List<string> reasons, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        TimeSpan Left() => QuietWait - TimeProvider.System.GetElapsedTime(started) is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero;
        while (true)
        {
            var activity = twilio.Activity;
            var quiet = await host.WaitForWorkflowsQuietAsync(Left(), cancellationToken);
            var idle = quiet && await twilio.WaitForIdleAsync(Left(), cancellationToken);
            if (!quiet || !idle)
            {
                reasons.Add($"the workflows were still busy {QuietWait.TotalSeconds:0} s {when}");
                return;
            }

            if (twilio.Activity == activity && await host.WaitForWorkflowsQuietAsync(TimeSpan.Zero, cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>
    /// A scenario naming its own shop (<c>tenant:</c>) gets it stored as <c>tools/tenant apply</c> would, beside the demo
    /// tenant the app seeds; it takes the run's transport as the demo tenant does.
    /// </summary>
    private async Task SeedTenantAsync(InProcessAgentHost host, Scenario scenario, CancellationToken cancellationToken)
    {
        if (scenario.Tenant.Id == DemoTenant.Id)
        {
            return;
        }

        var result = await host.Services.GetRequiredService<TenantProfileApplier>().ApplyAsync(scenario.Tenant with { Transport = transport }, cancellationToken);
        if (result.Outcome == ApplyOutcome.Refused)
        {
            throw new ScenarioFileException($"{scenario.SourcePath}: 'tenant' could not be seeded: {string.Join("; ", result.Problems)}");
        }
    }

    private static async Task DeleteTablesAsync(InProcessAgentHost host, CancellationToken cancellationToken)
    {
        try
        {
            await host.DeleteTablesAsync(cancellationToken);
        }
        catch (Azure.RequestFailedException)
        {
            // Leftover tables only cost space in the emulator; they never affect another scenario (own prefix).
        }
    }

    private static ScenarioResult Failed(Scenario scenario, string reason) =>
        new() { Name = scenario.Name, SourcePath = scenario.SourcePath, Reasons = [reason] };
}
