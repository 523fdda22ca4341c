namespace VoiceAgent.StreamLoad;

/// <summary>Median, p90, p99 (nearest rank), max and mean of a set of figures, rounded for a report.</summary>
internal sealed record Distribution(int Count, double Median, double P90, double P99, double Max, double Mean)
{
    public static Distribution Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Distribution(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        return new Distribution(sorted.Length, Round(median), Round(Rank(sorted, 0.90)), Round(Rank(sorted, 0.99)), Round(sorted[^1]), Round(sorted.Average()));
    }

    private static double Rank(double[] sorted, double quantile) => sorted[Math.Max(0, (int)Math.Ceiling(quantile * sorted.Length) - 1)];

    private static double Round(double value) => Math.Round(value, 2);
}
