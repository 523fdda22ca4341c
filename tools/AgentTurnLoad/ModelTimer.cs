using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace VoiceAgent.AgentTurnLoad;

/// <summary>
/// Wraps the raw model client (below function invocation, so one call per model request; passed to
/// <c>ChatClientFactory.Create</c> as <c>aroundModel</c>) and adds the model's own time to the turn's
/// <see cref="TurnMeter"/>: the time spent inside the client's calls, awaiting the model's next update, and the span
/// from the call to its last update.
/// </summary>
internal sealed class ModelTimer(IChatClient model) : DelegatingChatClient(model)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var called = Stopwatch.GetTimestamp();
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        finally
        {
            var took = Stopwatch.GetElapsedTime(called);
            TurnMeter.Current?.AddModelRequest(took, took);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var meter = TurnMeter.Current;
        var called = Stopwatch.GetTimestamp();
        var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var inside = Stopwatch.GetTimestamp() - called;
        var last = called;
        try
        {
            while (true)
            {
                var asked = Stopwatch.GetTimestamp();
                var more = await updates.MoveNextAsync();
                last = Stopwatch.GetTimestamp();
                inside += last - asked;
                if (!more)
                {
                    break;
                }

                meter?.Saw(updates.Current, last);
                yield return updates.Current;
            }
        }
        finally
        {
            var disposing = Stopwatch.GetTimestamp();
            await updates.DisposeAsync();
            inside += Stopwatch.GetTimestamp() - disposing;
            meter?.AddModelRequest(Ticks(inside), Ticks(last - called));
        }
    }

    private static TimeSpan Ticks(long stopwatchTicks) => TimeSpan.FromSeconds((double)stopwatchTicks / Stopwatch.Frequency);
}
