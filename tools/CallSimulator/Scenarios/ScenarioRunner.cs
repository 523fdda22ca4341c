using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.CallSimulator.Hosting;
using VoiceAgent.CallSimulator.Telephony;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.CallSimulator.Scenarios;

/// <summary>
/// Plays scenarios (shared/scenarios/README.md "How the runner plays a scenario"): for each one a fresh app on its
/// own tables in the shared Azurite, seeded with the demo tenant, its clock at <c>now</c>; one inbound call from
/// <c>from</c> through the real, signed webhooks; the outcome checked against storage.
/// </summary>
public sealed class ScenarioRunner(string storageConnectionString, HttpClient http)
{
    public const int MaxAgentTurns = 15;

    private readonly string _runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
    private int _played;

    public async Task<ScenarioResult> RunAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var prefix = $"s{_runId}n{Interlocked.Increment(ref _played):D3}";
        InProcessAgentHost host;
        try
        {
            host = await InProcessAgentHost.StartAsync(storageConnectionString, prefix, scenario.Now, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Failed(scenario, $"the app did not start: {ex.GetBaseException().Message}");
        }

        await using (host)
        {
            try
            {
                await ScenarioBook.SeedAsync(host.Services, scenario, cancellationToken);
            }
            catch (ScenarioFileException ex)
            {
                return Failed(scenario, ex.Message);
            }

            var client = new TwilioWebhookClient(http, host.BaseUrl, InProcessAgentHost.PublicBaseUrl, host.AuthToken);
            var call = CallIdentity.NewInbound(scenario.From, DemoTenant.Number);
            var options = new SimulatedCallOptions { MaxAgentTurns = MaxAgentTurns, AdvanceClock = host.Clock.Advance };
            var result = await new SimulatedCall(client, new ScriptedCaller(scenario.Caller), host.Clock, options).RunAsync(call, cancellationToken);

            CallSession? session;
            AppointmentOutcome appointments;
            try
            {
                session = await host.Services.GetRequiredService<CallSessionStore>().FindAsync(DemoTenant.Id, call.CallSid, cancellationToken);
                appointments = await ScenarioBook.ReadAsync(host.Services, scenario, call.CallSid, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return Failed(scenario, $"could not read the call session from storage: {ex.GetBaseException().Message}") with { Transcript = result.Transcript, AppLog = host.Logs.Lines };
            }

            var verdict = new ScenarioResult
            {
                Name = scenario.Name,
                SourcePath = scenario.SourcePath,
                Reasons = ExpectationChecker.Check(scenario, result, session, appointments),
                Transcript = result.Transcript,
                AppLog = host.Logs.Lines,
            };
            await DeleteTablesAsync(host, cancellationToken);
            return verdict;
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
