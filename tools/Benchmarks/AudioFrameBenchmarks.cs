using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using VoiceAgent.WebPubSubHost.Audio;

namespace VoiceAgent.Benchmarks;

/// <summary>
/// The media bridge's per-frame audio work on one 20 ms Media Streams frame (160 μ-law bytes, 8 kHz): decode, encode,
/// upsample for the recognizer, and the synthesizer's downsample of 20 ms at 16 kHz. A call has 50 frames a second each
/// way, so a microsecond here is 0.005 % of a core per call. Each group has its own baseline.
/// Not sealed: BenchmarkDotNet derives its runner from this class.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AudioFrameBenchmarks
{
    private const int FrameSamples = 160;

    private readonly byte[] _mulaw = new byte[FrameSamples];
    private readonly short[] _samples = new short[FrameSamples];
    private readonly short[] _wideband = new short[2 * FrameSamples];
    private readonly short[] _narrowband = new short[FrameSamples];

    [GlobalSetup]
    public void Setup()
    {
        // Speech-like: a few tones at telephone levels, so every μ-law segment is used.
        for (var n = 0; n < FrameSamples; n++)
        {
            var t = n / 8000.0;
            _samples[n] = (short)((6000 * Math.Sin(2 * Math.PI * 220 * t)) + (3000 * Math.Sin(2 * Math.PI * 1250 * t)) + (800 * Math.Sin(2 * Math.PI * 3100 * t)));
        }

        MuLaw.Encode(_samples, _mulaw);
        Resampler.Upsample8kTo16k(_samples, _wideband);
    }

    /// <summary>The decoder as shipped: one table load a sample.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("decode")]
    public short DecodeFrameTable()
    {
        MuLaw.Decode(_mulaw, _samples);
        return _samples[^1];
    }

    /// <summary>The same decode by the G.711 arithmetic, for scale.</summary>
    [Benchmark]
    [BenchmarkCategory("decode")]
    public short DecodeFrameFormula()
    {
        var mulaw = _mulaw.AsSpan();
        var samples = _samples.AsSpan();
        for (var i = 0; i < mulaw.Length; i++)
        {
            samples[i] = MuLaw.DecodeByFormula(mulaw[i]);
        }

        return samples[^1];
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("encode")]
    public byte EncodeFrame()
    {
        MuLaw.Encode(_samples, _mulaw);
        return _mulaw[^1];
    }

    /// <summary>The 95-tap filter into a caller's buffer.</summary>
    [Benchmark]
    [BenchmarkCategory("upsample")]
    public short UpsampleFrameFir()
    {
        Resampler.Upsample8kTo16k(_samples, _wideband);
        return _wideband[^1];
    }

    /// <summary>The same through the seam's signature, which returns a new array.</summary>
    [Benchmark]
    [BenchmarkCategory("upsample")]
    public short[] UpsampleFrameFirToArray() => Resampler.Upsample8kTo16k(_samples);

    /// <summary>The seam's first body, linear interpolation (no filter: it leaves images above 4 kHz), for scale.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("upsample")]
    public short UpsampleFrameLinear()
    {
        var samples = _samples.AsSpan();
        var output = _wideband.AsSpan();
        for (var i = 0; i < samples.Length; i++)
        {
            var next = i + 1 < samples.Length ? samples[i + 1] : samples[i];
            output[2 * i] = samples[i];
            output[(2 * i) + 1] = (short)((samples[i] + next) / 2);
        }

        return output[^1];
    }

    /// <summary>20 ms of flite's 16 kHz speech to one 8 kHz frame.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("downsample")]
    public short DownsampleFrameFir()
    {
        Resampler.Downsample16kTo8k(_wideband, _narrowband);
        return _narrowband[^1];
    }
}
