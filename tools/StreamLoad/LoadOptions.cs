using System.Globalization;

namespace VoiceAgent.StreamLoad;

/// <summary>
/// The command line: modes, the levels of each, how long a level ramps and is measured (a single call longer: it makes
/// few turns), the hang-over, and whether a mode stops at the first level past the limit or runs the rest to show the trend.
/// </summary>
internal sealed record LoadOptions(
    IReadOnlyList<string> Modes,
    IReadOnlyList<int> EnergyLevels,
    IReadOnlyList<int> SileroLevels,
    TimeSpan Ramp,
    TimeSpan Measure,
    TimeSpan SingleMeasure,
    int HangoverMilliseconds,
    bool StopAtLimit)
{
    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);
        IReadOnlyList<int> Levels(string name, string fallback) => [.. Get(name, fallback).Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))];
        return new LoadOptions(
            Get("modes", "EnergyGate,Silero").Split(','),
            Levels("energy-levels", "1,50,100,200,350,500"),
            Levels("silero-levels", "1,25,50,100,200"),
            TimeSpan.FromSeconds(double.Parse(Get("ramp-seconds", "10"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(Get("measure-seconds", "15"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(Get("single-seconds", "30"), CultureInfo.InvariantCulture)),
            int.Parse(Get("hangover-ms", "600"), CultureInfo.InvariantCulture),
            bool.Parse(Get("stop-at-limit", "true")));
    }
}
