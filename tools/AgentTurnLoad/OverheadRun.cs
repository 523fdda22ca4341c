using System.Diagnostics;
using System.Security.Cryptography;
using VoiceAgent.Core.Calls;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;
using VoiceAgent.LoadKit;
using VoiceAgent.OpenAiStandIn;

namespace VoiceAgent.AgentTurnLoad;

/// <summary>
/// Whole calls through <see cref="InboundCallService"/> (answered, then <see cref="CallPlan.TurnCount"/> turns by
/// <c>TakeTurnAsync</c>, session read and saved each turn), in rounds of one call on the model engine and one on the
/// offline engine (the baseline: the same caller words, no model), in the order A B, B A, A B, … so neither always
/// runs first. Each turn is timed with its model share and storage requests. A model call whose script did not play
/// exactly (a mismatch, a step left, which would also mean a turn fell back to the offline engine) stops the run.
/// </summary>
internal sealed class OverheadRun(AgentStack stack, SlotPlanner slots)
{
    private static readonly string[] Callers = [.. DemoTenant.Customers.Select(c => c.PhoneNumber)];

    public async Task<IReadOnlyList<TurnSample>> RunAsync(int warmupCalls, int calls, CancellationToken cancellationToken)
    {
        var samples = new List<TurnSample>();
        for (var round = 0; round < warmupCalls + calls; round++)
        {
            var warmup = round < warmupCalls;
            var caller = Callers[round % Callers.Length];
            var model = CallPlan.For(caller, slots.Next());
            var offline = CallPlan.For(caller, slots.Next());
            if (round % 2 == 0)
            {
                samples.AddRange(await ModelCallAsync(round, warmup, model, cancellationToken));
                samples.AddRange(await CallAsync(stack.OfflineCalls, "offline", round, warmup, offline, cancellationToken));
            }
            else
            {
                samples.AddRange(await CallAsync(stack.OfflineCalls, "offline", round, warmup, offline, cancellationToken));
                samples.AddRange(await ModelCallAsync(round, warmup, model, cancellationToken));
            }

            if ((round + 1) % 10 == 0)
            {
                Console.Error.WriteLine($"overhead: {round + 1} of {warmupCalls + calls} rounds");
            }
        }

        return samples;
    }

    private async Task<List<TurnSample>> ModelCallAsync(int round, bool warmup, CallPlan plan, CancellationToken cancellationToken)
    {
        stack.Model.Play(plan.Script);
        var samples = await CallAsync(stack.ModelCalls, "model", round, warmup, plan, cancellationToken);
        if (!stack.Model.Progress.Passed)
        {
            throw new InvalidOperationException($"round {round}: the model script did not play exactly.\n{stack.Model.Describe()}");
        }

        return samples;
    }

    private async Task<List<TurnSample>> CallAsync(InboundCallService calls, string engine, int round, bool warmup, CallPlan plan, CancellationToken cancellationToken)
    {
        var call = new InboundCall(NewCallSid(), PhoneNumber.Parse(DemoTenant.Number), PhoneNumber.Parse(plan.CallerNumber));
        await calls.AnswerAsync(call, cancellationToken);
        var render = stack.Renderer.Render;
        var samples = new List<TurnSample>(plan.Utterances.Count);
        for (var turn = 0; turn < plan.Utterances.Count; turn++)
        {
            var meter = new TurnMeter();
            TurnMeter.Current = meter;
            var started = Stopwatch.GetTimestamp();
            await calls.TakeTurnAsync(call, new CallerInput(plan.Utterances[turn], Confidence: 0.92), Guid.NewGuid().ToString("N"), render, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            TurnMeter.Current = null;
            samples.Add(TurnSample.From(engine, round, turn + 1, warmup, elapsed, meter));
        }

        return samples;
    }

    private static CallSid NewCallSid() =>
        CallSid.TryParse("CA" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), out var sid) ? sid : throw new InvalidOperationException("not a CallSid");
}
