using VoiceAgent.CallSimulator.Telephony;
using VoiceAgent.CallSimulator.Twiml;

namespace VoiceAgent.CallSimulator.Scenarios;

/// <summary>A scenario's caller: the next <c>caller</c> line at each gather, then silence once the lines run out.</summary>
public sealed class ScriptedCaller(IEnumerable<string> lines) : ICaller
{
    private readonly Queue<string> _lines = new(lines);

    public ValueTask<CallerUtterance?> ListenAsync(GatherVerb gather, CancellationToken cancellationToken) =>
        ValueTask.FromResult<CallerUtterance?>(_lines.TryDequeue(out var line) ? CallerUtterance.FromLine(line) : CallerUtterance.Silence);
}
