using VoiceAgent.TwilioApiStandIn.Voice;

namespace VoiceAgent.CallSimulator.Scenarios;

/// <summary>
/// A scenario's <c>answer</c> steps as a queue: each call the shop places to <c>from</c> takes the next one, whenever it
/// rings (so an answer written after the clock step that causes its call still answers it); with none left, or for
/// any other number, nobody answers. Thread-safe: calls ring from the stand-in's background work.
/// </summary>
public sealed class ScenarioAnswers(string callee, IEnumerable<AnswerStep> answers)
{
    private readonly Lock _lock = new();
    private readonly Queue<AnswerStep> _answers = new(answers);

    public PhoneAnswer Next(OutboundRing ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        if (!string.Equals(ring.To, callee, StringComparison.Ordinal))
        {
            return PhoneAnswer.Nobody;
        }

        lock (_lock)
        {
            return _answers.TryDequeue(out var step) ? step.ToPhoneAnswer() : PhoneAnswer.Nobody;
        }
    }
}
