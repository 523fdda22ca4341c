using VoiceAgent.LoadKit;

namespace VoiceAgent.RelayLoad;

/// <summary>
/// First-token (and last-token) figures at each level of simultaneous calls, and the largest level whose first-token
/// p99 stays within twice the single-call figure: the sequential run's relay p99 (hundreds of turns, one call at a
/// time; the level-1 row has only a handful of turns, too few for a p99).
/// </summary>
internal sealed record ConcurrencyReport(
    string Section,
    double PauseMinMs,
    double PauseMaxMs,
    double SingleCallFirstTokenP99Ms,
    int? LargestLevelWithin2xSingleCall,
    IReadOnlyList<LevelRow> Levels)
{
    public static ConcurrencyReport Of(IReadOnlyList<LevelResult> levels, LatencyReport sequential, TimeSpan pauseMin, TimeSpan pauseMax)
    {
        var rows = levels.OrderBy(l => l.Level).Select(LevelRow.Of).ToList();
        var single = sequential.Relay.FirstTokenMs.P99;
        return new ConcurrencyReport(
            "concurrency",
            pauseMin.TotalMilliseconds,
            pauseMax.TotalMilliseconds,
            single,
            LargestWithin(rows, 2 * single),
            rows);
    }

    /// <summary>The largest level such that it and every level below it kept first-token p99 within <paramref name="limitMs"/> with no call failed.</summary>
    private static int? LargestWithin(IReadOnlyList<LevelRow> rows, double limitMs)
    {
        int? largest = null;
        foreach (var row in rows)
        {
            if (row.FailedCalls > 0 || row.FirstTokenMs.P99 > limitMs)
            {
                break;
            }

            largest = row.Level;
        }

        return largest;
    }
}

/// <summary>
/// One level: how many calls at once, how many failed (and the first reason), the turns timed (of the calls that
/// finished), their first- and last-token times, and their storage requests and time.
/// </summary>
internal sealed record LevelRow(int Level, int FailedCalls, string? FirstFailure, int Turns, Distribution FirstTokenMs, Distribution LastTokenMs, Distribution StorageRequests, Distribution StorageMs)
{
    public static LevelRow Of(LevelResult level) => new(
        level.Level,
        level.Failures.Count,
        level.Failures.Count > 0 ? level.Failures[0] : null,
        level.Turns.Count,
        Distribution.Of(level.Turns.Select(s => s.FirstTokenMs)),
        Distribution.Of(level.Turns.Select(s => s.LastTokenMs)),
        Distribution.Of(level.Turns.Select(s => (double)s.Storage.Count)),
        Distribution.Of(level.Turns.Select(s => s.StorageMs)));
}
