using VoiceAgent.LoadKit;

namespace VoiceAgent.AgentTurnLoad;

/// <summary>The first-sentence figures of the measured streamed turns (warm-up left out).</summary>
internal sealed record StreamReport(string Section, double ChunkDelayMs, int Turns, Distribution DelayMs, Distribution ModelFirstSentenceMs, Distribution EngineFirstSentenceMs, Distribution TurnFinishedMs)
{
    public static StreamReport Of(IReadOnlyList<StreamSample> samples, TimeSpan chunkDelay)
    {
        var measured = samples.Where(s => !s.Warmup).ToList();
        return new StreamReport(
            "first-sentence",
            chunkDelay.TotalMilliseconds,
            measured.Count,
            Distribution.Of(measured.Select(s => s.DelayMs)),
            Distribution.Of(measured.Select(s => s.ModelFirstSentenceMs)),
            Distribution.Of(measured.Select(s => s.EngineFirstSentenceMs)),
            Distribution.Of(measured.Select(s => s.TurnFinishedMs)));
    }
}
