using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceAgent.WebhookLoad;

/// <summary>
/// The JSON line a run prints. Percentiles are nearest-rank over every completed request, failed ones included;
/// errors counts failed requests and those never completed.
/// </summary>
public sealed record LoadSummary(string Target, int Concurrency, int Requests, int Errors, double P50Ms, double P90Ms, double P99Ms, double MeanMs, double MaxMs)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static LoadSummary From(string target, int concurrency, int requested, LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sorted = result.LatenciesMs.ToArray();
        Array.Sort(sorted);
        // Requests the time limit (or Ctrl-C) cut off or never sent count as errors: the run did not do what it was asked.
        var errors = result.Errors + (requested - result.Completed);
        return new LoadSummary(
            target,
            concurrency,
            result.Completed,
            errors,
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.90),
            Percentile(sorted, 0.99),
            sorted.Length == 0 ? double.NaN : Math.Round(sorted.Average(), 3),
            sorted.Length == 0 ? double.NaN : Math.Round(sorted[^1], 3));
    }

    private static double Percentile(double[] sorted, double quantile)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(quantile * sorted.Length);
        return Math.Round(sorted[Math.Clamp(rank, 1, sorted.Length) - 1], 3);
    }
}
