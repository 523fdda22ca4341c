namespace VoiceAgent.WebPubSubHost.Vad;

/// <summary>
/// A frame's RMS level (dBFS) against an adaptive noise floor: the quietest frame of the last few seconds. The floor falls
/// at once when the line gets quieter and rises to a noisier line within the window, and speech does not lift it as long
/// as it pauses within the window. One gate per call; not thread-safe.
/// </summary>
public sealed class EnergyGate
{
    /// <summary>The level given to digital silence, whose logarithm would be minus infinity.</summary>
    public const double MinimumLevelDbfs = -100;

    private readonly double _silenceBelowDbfs;
    private readonly double _silenceMarginDb;
    private readonly double _loudMarginDb;
    private readonly double[] _recentLevels;
    private int _next;
    private int _count;

    public EnergyGate(VoiceActivityOptions options, int frameSamples = VoiceActivityTracker.FrameSamples)
    {
        _silenceBelowDbfs = options.SilenceBelowDbfs;
        _silenceMarginDb = options.SilenceMarginDb;
        _loudMarginDb = options.VoiceMarginDb;
        var frameMilliseconds = frameSamples * 1000 / VoiceActivityTracker.SampleRate;
        _recentLevels = new double[Math.Max(1, options.NoiseFloorWindowMilliseconds / frameMilliseconds)];
    }

    /// <summary>The level of the last frame classified, in dBFS.</summary>
    public double LevelDbfs { get; private set; } = MinimumLevelDbfs;

    /// <summary>The noise floor the last frame was judged against, in dBFS (before that frame joined it).</summary>
    public double NoiseFloorDbfs { get; private set; } = MinimumLevelDbfs;

    /// <summary>Judges one frame, then lets it into the noise floor's window.</summary>
    public EnergyVerdict Classify(ReadOnlySpan<short> frame)
    {
        var level = LevelOf(frame);
        LevelDbfs = level;
        // The first frame of a call has no floor to compare with: it only sets the floor.
        var verdict = EnergyVerdict.Silence;
        if (_count > 0)
        {
            NoiseFloorDbfs = Floor();
            verdict = level < _silenceBelowDbfs || level < NoiseFloorDbfs + _silenceMarginDb ? EnergyVerdict.Silence
                : level >= NoiseFloorDbfs + _loudMarginDb ? EnergyVerdict.Loud
                : EnergyVerdict.Uncertain;
        }

        _recentLevels[_next] = level;
        _next = (_next + 1) % _recentLevels.Length;
        _count = Math.Min(_count + 1, _recentLevels.Length);
        return verdict;
    }

    /// <summary>RMS of 16-bit samples relative to full scale, in dB.</summary>
    public static double LevelOf(ReadOnlySpan<short> frame)
    {
        if (frame.IsEmpty)
        {
            return MinimumLevelDbfs;
        }

        long sumOfSquares = 0;
        foreach (var sample in frame)
        {
            sumOfSquares += sample * sample;
        }

        var meanSquare = sumOfSquares / (double)frame.Length;
        return meanSquare <= 0 ? MinimumLevelDbfs : Math.Max(MinimumLevelDbfs, 10 * Math.Log10(meanSquare / (32768.0 * 32768.0)));
    }

    private double Floor()
    {
        var floor = double.MaxValue;
        for (var i = 0; i < _count; i++)
        {
            floor = Math.Min(floor, _recentLevels[i]);
        }

        return floor;
    }
}
