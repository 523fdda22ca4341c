namespace VoiceAgent.AgentTurnLoad;

/// <summary>
/// One streamed turn on the engine, times from the turn's start: when the raw model stream held its first complete
/// sentence, when the engine yielded its first <c>SpokenSentence</c>, and when it finished the turn (what a caller on
/// the whole-reply path waits for).
/// </summary>
internal sealed record StreamSample(int Call, int Turn, bool Warmup, double ModelFirstSentenceMs, double EngineFirstSentenceMs, double TurnFinishedMs)
{
    /// <summary>What the engine adds between the model's first sentence and the first sentence event.</summary>
    public double DelayMs => EngineFirstSentenceMs - ModelFirstSentenceMs;
}
