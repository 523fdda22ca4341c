using VoiceAgent.CallSimulator.Telephony;
using VoiceAgent.CallSimulator.Twiml;

namespace VoiceAgent.CallSimulator.Scenarios;

/// <summary>A scenario's caller: the next <c>caller</c> line at each gather, then silence once the lines run out.</summary>
public sealed class ScriptedCaller : ICaller
{
    private readonly Queue<CallerUtterance> _lines;

    /// <summary>Lines as a scenario writes them: text, empty for silence (<see cref="CallerUtterance.FromLine"/>).</summary>
    public ScriptedCaller(IEnumerable<string> lines)
        : this(new Queue<CallerUtterance>(lines.Select(CallerUtterance.FromLine)))
    {
    }

    private ScriptedCaller(Queue<CallerUtterance> lines) => _lines = lines;

    /// <summary>Lines already read, with their interruptions and audio files.</summary>
    public static ScriptedCaller Saying(IEnumerable<CallerUtterance> lines) => new(new Queue<CallerUtterance>(lines));

    public TimeSpan? NextInterruptsAfter => _lines.TryPeek(out var next) ? next.InterruptsAfter : null;

    public ValueTask<CallerUtterance?> ListenAsync(GatherVerb gather, CancellationToken cancellationToken) =>
        ValueTask.FromResult<CallerUtterance?>(_lines.TryDequeue(out var line) ? line : CallerUtterance.Silence);
}
