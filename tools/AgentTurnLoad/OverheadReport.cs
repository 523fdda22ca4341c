using VoiceAgent.LoadKit;

namespace VoiceAgent.AgentTurnLoad;

/// <summary>
/// The overhead figures of the measured turns (warm-up left out), per engine; what the storage requests of each turn of
/// the call were; and, round by round, the model path's median overhead over the offline engine's median turn.
/// </summary>
internal sealed record OverheadReport(string Section, EngineFigures Model, EngineFigures Offline, RoundComparison Rounds, RoundComparison RoundsLessStorage, IReadOnlyList<TurnStorageRow> StorageByTurn)
{
    public static OverheadReport Of(IReadOnlyList<TurnSample> samples)
    {
        var measured = samples.Where(s => !s.Warmup).ToList();
        var model = measured.Where(s => s.Engine == "model").ToList();
        var offline = measured.Where(s => s.Engine == "offline").ToList();
        var rows = Enumerable.Range(1, CallPlan.TurnCount)
            .Select(turn => new TurnStorageRow(turn, TurnStorage.Of([.. model.Where(s => s.Turn == turn)]), TurnStorage.Of([.. offline.Where(s => s.Turn == turn)])))
            .ToList();
        return new OverheadReport(
            "overhead",
            EngineFigures.Of(model, withModel: true),
            EngineFigures.Of(offline, withModel: false),
            RoundComparison.Of(measured, s => s.OverheadMs),
            RoundComparison.Of(measured, s => s.OverheadMs - s.StorageMs),
            rows);
    }

    internal static double Median(IEnumerable<double> values) => Distribution.MedianOf([.. values.Order()]);

    /// <summary>The mean count per turn of each kind of storage request.</summary>
    internal static SortedDictionary<string, double> Kinds(IReadOnlyList<TurnSample> turns) =>
        new(turns.SelectMany(s => s.Storage).GroupBy(k => k).ToDictionary(g => g.Key, g => Math.Round((double)g.Count() / Math.Max(1, turns.Count), 3)), StringComparer.Ordinal);
}

/// <summary>One engine's measured turns: the turn, the model's share, the overhead (with and without storage) and the storage requests.</summary>
internal sealed record EngineFigures(
    int Turns,
    int Calls,
    Distribution TurnMs,
    Distribution? ModelMs,
    Distribution? ModelRequests,
    Distribution OverheadMs,
    Distribution? OverheadBySpanMs,
    Distribution StorageRequests,
    Distribution StorageMs,
    Distribution OverheadLessStorageMs,
    SortedDictionary<string, double> StorageKindsPerTurn)
{
    public static EngineFigures Of(IReadOnlyList<TurnSample> turns, bool withModel) => new(
        turns.Count,
        turns.Select(s => s.Call).Distinct().Count(),
        Distribution.Of(turns.Select(s => s.TurnMs)),
        withModel ? Distribution.Of(turns.Select(s => s.ModelInsideMs)) : null,
        withModel ? Distribution.Of(turns.Select(s => (double)s.ModelRequests)) : null,
        Distribution.Of(turns.Select(s => s.OverheadMs)),
        withModel ? Distribution.Of(turns.Select(s => s.OverheadBySpanMs)) : null,
        Distribution.Of(turns.Select(s => (double)s.Storage.Count)),
        Distribution.Of(turns.Select(s => s.StorageMs)),
        Distribution.Of(turns.Select(s => s.OverheadMs - s.StorageMs)),
        OverheadReport.Kinds(turns));
}

/// <summary>
/// Round by round (one model call and one offline call, run back to back), the model path's median of
/// <c>figure</c> against the offline engine's: their ratio and their difference in ms, across the rounds.
/// </summary>
internal sealed record RoundComparison(int Rounds, Distribution Ratio, Distribution DifferenceMs)
{
    public static RoundComparison Of(IReadOnlyList<TurnSample> measured, Func<TurnSample, double> figure)
    {
        var pairs = measured.GroupBy(s => s.Call)
            .Select(r => (Model: OverheadReport.Median(r.Where(s => s.Engine == "model").Select(figure)), Offline: OverheadReport.Median(r.Where(s => s.Engine == "offline").Select(figure))))
            .ToList();
        return new RoundComparison(pairs.Count, Distribution.Of(pairs.Select(p => p.Model / p.Offline)), Distribution.Of(pairs.Select(p => p.Model - p.Offline)));
    }
}

/// <summary>The storage requests of turn <see cref="Turn"/> of the call, per engine.</summary>
internal sealed record TurnStorageRow(int Turn, TurnStorage Model, TurnStorage Offline);

/// <summary>Storage requests of one turn of the call across calls: median and max count, and the mean count of each kind.</summary>
internal sealed record TurnStorage(double RequestsMedian, int RequestsMax, SortedDictionary<string, double> Kinds)
{
    public static TurnStorage Of(IReadOnlyList<TurnSample> turns) =>
        new(OverheadReport.Median(turns.Select(s => (double)s.Storage.Count)), turns.Count == 0 ? 0 : turns.Max(s => s.Storage.Count), OverheadReport.Kinds(turns));
}
