using System.Diagnostics;
using VoiceAgent.Core.Conversation;
using VoiceAgent.Core.Telephony;
using VoiceAgent.Core.Tenants;
using VoiceAgent.LoadKit;

namespace VoiceAgent.AgentTurnLoad;

/// <summary>
/// Calls straight on the model engine's <c>StreamAsync</c> (no session), against the stand-in that streams the reply a
/// word per chunk with a delay between chunks, so sentences complete over time. Per turn it records when the raw
/// stream (<see cref="ModelTimer"/>) completed its first sentence and when the engine yielded its first spoken
/// sentence. A turn whose raw stream never completed a sentence before its end is an error: every scripted reply has two.
/// </summary>
internal sealed class StreamingRun(AgentStack stack, SlotPlanner slots)
{
    public async Task<IReadOnlyList<StreamSample>> RunAsync(int warmupCalls, int calls, CancellationToken cancellationToken)
    {
        var tenant = await stack.Tenants.FindByNumberAsync(PhoneNumber.Parse(DemoTenant.Number), cancellationToken)
            ?? throw new InvalidOperationException("The demo shop is not seeded.");
        var samples = new List<StreamSample>();
        for (var call = 0; call < warmupCalls + calls; call++)
        {
            var callerNumber = DemoTenant.Customers[call % DemoTenant.Customers.Count].PhoneNumber;
            var plan = CallPlan.For(callerNumber, slots.Next());
            var customer = await stack.Customers.FindByPhoneAsync(tenant.Id, callerNumber, cancellationToken);
            var context = new ConversationContext(tenant, $"CA{Guid.NewGuid():N}", callerNumber, customer, stack.Clock.GetUtcNow());
            var state = new DialogState();
            stack.StreamingModel.Play(plan.Script);
            stack.StreamingEngine.Greet(context, state);
            for (var turn = 0; turn < plan.Utterances.Count; turn++)
            {
                samples.Add(await TurnAsync(context with { Now = stack.Clock.GetUtcNow() }, state, plan.Utterances[turn], call, turn + 1, call < warmupCalls, cancellationToken));
            }

            if (!stack.StreamingModel.Progress.Passed)
            {
                throw new InvalidOperationException($"streamed call {call}: the model script did not play exactly.\n{stack.StreamingModel.Describe()}");
            }

            Console.Error.WriteLine($"streaming: {call + 1} of {warmupCalls + calls} calls");
        }

        return samples;
    }

    private async Task<StreamSample> TurnAsync(ConversationContext context, DialogState state, string utterance, int call, int turn, bool warmup, CancellationToken cancellationToken)
    {
        var meter = new TurnMeter();
        TurnMeter.Current = meter;
        var started = Stopwatch.GetTimestamp();
        long? firstSentence = null;
        long? finished = null;
        await foreach (var item in stack.StreamingEngine.StreamAsync(context, state, new CallerInput(utterance, Confidence: 0.92), cancellationToken))
        {
            var at = Stopwatch.GetTimestamp();
            if (item is SpokenSentence && firstSentence is null)
            {
                firstSentence = at;
            }
            else if (item is TurnFinished)
            {
                finished = at;
            }
        }

        TurnMeter.Current = null;
        if (meter.FirstSentenceAt is not { } modelFirst || firstSentence is not { } engineFirst || finished is not { } done)
        {
            throw new InvalidOperationException($"streamed call {call} turn {turn}: no complete first sentence on the raw stream, or no sentence or end from the engine.");
        }

        return new StreamSample(call, turn, warmup, Ms(started, modelFirst), Ms(started, engineFirst), Ms(started, done));
    }

    private static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
}
