using System.Globalization;

namespace VoiceAgent.AgentTurnLoad;

/// <summary>
/// The command line: <c>--turns 1000</c> measured turns per engine, <c>--warmup-turns 50</c> discarded first,
/// <c>--stream-turns 200</c> streamed turns for the first-sentence figure with the model writing a word every
/// <c>--chunk-delay-ms 20</c>, and <c>--samples FILE</c> to keep every turn's figures as JSON lines.
/// </summary>
internal sealed record LoadOptions
{
    /// <summary>Turns in one simulated call (the script in <see cref="CallPlan"/>).</summary>
    public const int TurnsPerCall = CallPlan.TurnCount;

    public int Turns { get; init; } = 1000;

    public int WarmupTurns { get; init; } = 50;

    public int StreamTurns { get; init; } = 200;

    public TimeSpan ChunkDelay { get; init; } = TimeSpan.FromMilliseconds(20);

    public string? SamplesFile { get; init; }

    public int Calls => Ceiling(Turns);

    public int WarmupCalls => Ceiling(WarmupTurns);

    public int StreamCalls => Ceiling(StreamTurns);

    public static LoadOptions Parse(string[] args) => new()
    {
        Turns = Int(args, "--turns", 1000),
        WarmupTurns = Int(args, "--warmup-turns", 50),
        StreamTurns = Int(args, "--stream-turns", 200),
        ChunkDelay = TimeSpan.FromMilliseconds(Int(args, "--chunk-delay-ms", 20)),
        SamplesFile = Text(args, "--samples"),
    };

    private static int Ceiling(int turns) => (turns + TurnsPerCall - 1) / TurnsPerCall;

    private static int Int(string[] args, string name, int fallback) =>
        Text(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
