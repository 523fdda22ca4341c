using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using VoiceAgent.WebPubSubHost.Vad;

namespace VoiceAgent.Benchmarks;

/// <summary>
/// The per-call CPU of voice activity detection: the energy gate on one 20 ms frame, Silero on one 32 ms window, and a
/// tracker on one second of audio (50 frames) in each mode. The audio never pauses long (see <see cref="Setup"/>), so the
/// tracker's Silero runs on nearly every window: the worst case, a caller talking all the time.
/// Not sealed: BenchmarkDotNet derives its runner from this class.
/// </summary>
[MemoryDiagnoser]
public class VoiceActivityBenchmarks : IDisposable
{
    private const int Second = VoiceActivityTracker.SampleRate;

    private readonly short[] _audio = new short[Second * 10];
    private EnergyGate _gate = null!;
    private SileroVadModel _model = null!;
    private SileroSpeechEstimator _estimator = null!;
    private VoiceActivityTrackerFactory _energyFactory = null!;
    private VoiceActivityTrackerFactory _sileroFactory = null!;
    private VoiceActivityTracker _energyTracker = null!;
    private VoiceActivityTracker _sileroTracker = null!;
    private int _frame;
    private int _window;
    private int _second;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        for (var i = 0; i < _audio.Length; i++)
        {
            // A 220 Hz tone with noise, its loudness swinging 28 dB four times a second like syllables: the noise floor
            // settles on the troughs, so the gate passes ~97% of the audio to Silero.
            var envelope = 300 + (7700 * Math.Abs(Math.Sin(2 * Math.PI * 2 * i / Second)));
            _audio[i] = (short)(envelope * (Math.Sin(2 * Math.PI * 220 * i / Second) + (0.3 * ((random.NextDouble() * 2) - 1))));
        }

        var options = new VoiceActivityOptions();
        _gate = new EnergyGate(options);
        _model = SileroVadModel.Load(Path.Combine(AppContext.BaseDirectory, options.ModelPath));
        _estimator = new SileroSpeechEstimator(_model, options);
        _energyFactory = new VoiceActivityTrackerFactory(Options.Create(new VoiceActivityOptions { Mode = VoiceActivityMode.EnergyGate }));
        _sileroFactory = new VoiceActivityTrackerFactory(Options.Create(new VoiceActivityOptions { Mode = VoiceActivityMode.Silero }));
        _energyTracker = _energyFactory.Create();
        _sileroTracker = _sileroFactory.Create();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        GC.SuppressFinalize(this);
        _energyTracker.Dispose();
        _sileroTracker.Dispose();
        _estimator.Dispose();
        _model.Dispose();
        _energyFactory.Dispose();
        _sileroFactory.Dispose();
    }

    /// <summary>The gate on one 20 ms frame: RMS, the noise floor's minimum and the verdict.</summary>
    [Benchmark]
    public EnergyVerdict EnergyGatePerFrame()
    {
        _frame = (_frame + 1) % (_audio.Length / VoiceActivityTracker.FrameSamples);
        return _gate.Classify(_audio.AsSpan(_frame * VoiceActivityTracker.FrameSamples, VoiceActivityTracker.FrameSamples));
    }

    /// <summary>Silero on one 32 ms window (256 samples after 32 of context), through the estimator's bound tensors.</summary>
    [Benchmark]
    public float SileroPerWindow()
    {
        _window = (_window + 1) % (_audio.Length / SileroVadModel.WindowSamples);
        _estimator.Append(_audio.AsSpan(_window * SileroVadModel.WindowSamples, SileroVadModel.WindowSamples), audible: true);
        return _estimator.LastProbability;
    }

    /// <summary>One second of a call (50 frames) through a tracker in energy-gate mode.</summary>
    [Benchmark]
    public int TrackerEnergyGatePerSecond() => PushSecond(_energyTracker);

    /// <summary>One second of a call (50 frames, 31¼ Silero windows) through a tracker in Silero mode.</summary>
    [Benchmark]
    public int TrackerSileroPerSecond() => PushSecond(_sileroTracker);

    private int PushSecond(VoiceActivityTracker tracker)
    {
        _second = (_second + 1) % (_audio.Length / Second);
        var events = 0;
        for (var offset = 0; offset < Second; offset += VoiceActivityTracker.FrameSamples)
        {
            var start = (_second * Second) + offset;
            if (tracker.Push(_audio.AsSpan(start, VoiceActivityTracker.FrameSamples), TimeSpan.FromSeconds(start / (double)Second)) is not null)
            {
                events++;
            }
        }

        return events;
    }
}
