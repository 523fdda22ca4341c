using VoiceAgent.LoadKit;

namespace VoiceAgent.RelayLoad;

/// <summary>
/// The sequential run's measured turns (warm-up left out): the relay's first and last token and the direct turn, over
/// all turns and turn by turn, with the storage requests of each; and, round by round, what the socket and the
/// session add: the relay call's median first token less the direct call's median turn.
/// </summary>
internal sealed record LatencyReport(
    string Section,
    int Rounds,
    PathFigures Relay,
    PathFigures Direct,
    Distribution RoundFirstTokenOverDirectMs,
    Distribution RoundLastTokenOverDirectMs,
    IReadOnlyList<TurnRow> ByTurn)
{
    public static LatencyReport Of(IReadOnlyList<TurnSample> samples)
    {
        var measured = samples.Where(s => s.Level == 0 && !s.Warmup).ToList();
        var relay = measured.Where(s => s.Path == "relay").ToList();
        var direct = measured.Where(s => s.Path == "direct").ToList();
        var rounds = measured.GroupBy(s => s.Call)
            .Select(r => (
                First: Median(r.Where(s => s.Path == "relay").Select(s => s.FirstTokenMs)),
                Last: Median(r.Where(s => s.Path == "relay").Select(s => s.LastTokenMs)),
                Direct: Median(r.Where(s => s.Path == "direct").Select(s => s.LastTokenMs))))
            .ToList();
        var names = relay.Select(s => (s.Turn, s.Name)).Distinct().Order();
        return new LatencyReport(
            "latency",
            rounds.Count,
            PathFigures.Of(relay),
            PathFigures.Of(direct),
            Distribution.Of(rounds.Select(r => r.First - r.Direct)),
            Distribution.Of(rounds.Select(r => r.Last - r.Direct)),
            [.. names.Select(n => TurnRow.Of(n.Turn, n.Name, [.. relay.Where(s => s.Turn == n.Turn)], [.. direct.Where(s => s.Turn == n.Turn)]))]);
    }

    internal static double Median(IEnumerable<double> values) => Distribution.MedianOf([.. values.Order()]);
}

/// <summary>One path's measured turns: first and last token (equal on the direct path), and the storage requests per turn and their time.</summary>
internal sealed record PathFigures(int Turns, Distribution FirstTokenMs, Distribution LastTokenMs, Distribution StorageRequests, Distribution StorageMs, SortedDictionary<string, double> StorageKindsPerTurn)
{
    public static PathFigures Of(IReadOnlyList<TurnSample> turns) => new(
        turns.Count,
        Distribution.Of(turns.Select(s => s.FirstTokenMs)),
        Distribution.Of(turns.Select(s => s.LastTokenMs)),
        Distribution.Of(turns.Select(s => (double)s.Storage.Count)),
        Distribution.Of(turns.Select(s => s.StorageMs)),
        new(turns.SelectMany(s => s.Storage).GroupBy(k => k).ToDictionary(g => g.Key, g => Math.Round((double)g.Count() / Math.Max(1, turns.Count), 3)), StringComparer.Ordinal));
}

/// <summary>Turn <see cref="Turn"/> of the script on both paths: the relay's first and last token, the direct turn, and their storage requests.</summary>
internal sealed record TurnRow(int Turn, string Name, Distribution RelayFirstTokenMs, Distribution RelayLastTokenMs, Distribution DirectMs, double RelayStorageMedian, int RelayStorageMax, double DirectStorageMedian, int DirectStorageMax)
{
    public static TurnRow Of(int turn, string name, IReadOnlyList<TurnSample> relay, IReadOnlyList<TurnSample> direct) => new(
        turn,
        name,
        Distribution.Of(relay.Select(s => s.FirstTokenMs)),
        Distribution.Of(relay.Select(s => s.LastTokenMs)),
        Distribution.Of(direct.Select(s => s.LastTokenMs)),
        LatencyReport.Median(relay.Select(s => (double)s.Storage.Count)),
        relay.Count == 0 ? 0 : relay.Max(s => s.Storage.Count),
        LatencyReport.Median(direct.Select(s => (double)s.Storage.Count)),
        direct.Count == 0 ? 0 : direct.Max(s => s.Storage.Count));
}
