using System.Globalization;

namespace VoiceAgent.RelayLoad;

/// <summary>
/// The command line: <c>--calls 100</c> measured rounds (one relay and one direct call each) after
/// <c>--warmup-calls 5</c>; <c>--levels 1,10,50,100,150,200,250,300</c> simultaneous calls; the caller's pause between turns
/// <c>--pause-min-ms 1000</c> to <c>--pause-max-ms 2000</c>; <c>--samples FILE</c> keeps every turn as a JSON line.
/// </summary>
internal sealed record RelayLoadOptions
{
    public int Calls { get; init; } = 100;

    public int WarmupCalls { get; init; } = 5;

    public IReadOnlyList<int> Levels { get; init; } = [1, 10, 50, 100, 150, 200, 250, 300];

    public TimeSpan PauseMin { get; init; } = TimeSpan.FromMilliseconds(1000);

    public TimeSpan PauseMax { get; init; } = TimeSpan.FromMilliseconds(2000);

    public string? SamplesFile { get; init; }

    public static RelayLoadOptions Parse(string[] args) => new()
    {
        Calls = Int(args, "--calls", 100),
        WarmupCalls = Int(args, "--warmup-calls", 5),
        Levels = Text(args, "--levels") is { } levels ? [.. levels.Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture))] : [1, 10, 50, 100, 150, 200, 250, 300],
        PauseMin = TimeSpan.FromMilliseconds(Int(args, "--pause-min-ms", 1000)),
        PauseMax = TimeSpan.FromMilliseconds(Int(args, "--pause-max-ms", 2000)),
        SamplesFile = Text(args, "--samples"),
    };

    private static int Int(string[] args, string name, int fallback) =>
        Text(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
