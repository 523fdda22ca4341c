using VoiceAgent.WebPubSubHost.Audio;

namespace VoiceAgent.WebPubSubHost.Tests.Audio;

/// <summary>The telephone-band filter's behaviour in both directions, measured on tones.</summary>
public sealed class ResamplerTests
{
    private const double Amplitude = 10_000;

    [Theory]
    [InlineData(300)]
    [InlineData(1000)]
    [InlineData(3000)]
    public void Downsample16kTo8k_ToneInTheTelephoneBand_KeepsItsLevel(double frequency)
    {
        var output = Resampler.Downsample16kTo8k(Tone.Sine(frequency, 16_000, 16_000, Amplitude));

        Assert.InRange(Tone.Decibels(Tone.Amplitude(output, frequency, 8_000), Amplitude), -0.5, 0.5);
    }

    [Theory]
    [InlineData(4500)]
    [InlineData(6000)]
    [InlineData(7500)]
    public void Downsample16kTo8k_ToneAbove4k_IsNotFoldedIntoTheBand(double frequency)
    {
        var output = Resampler.Downsample16kTo8k(Tone.Sine(frequency, 16_000, 16_000, Amplitude));

        // At 8 kHz a tone at f above 4 kHz would reappear at 8 kHz - f.
        Assert.True(Tone.Decibels(Tone.Amplitude(output, 8_000 - frequency, 8_000), Amplitude) < -50);
    }

    [Fact]
    public void Downsample16kTo8k_OddLength_RoundsUp()
    {
        Assert.Equal(161, Resampler.Downsample16kTo8k(new short[321]).Length);
    }

    [Theory]
    [InlineData(300)]
    [InlineData(1000)]
    [InlineData(3000)]
    public void Upsample8kTo16k_ToneInTheTelephoneBand_KeepsItsLevel(double frequency)
    {
        var output = Resampler.Upsample8kTo16k(Tone.Sine(frequency, 8_000, 8_000, Amplitude));

        Assert.Equal(16_000, output.Length);
        Assert.InRange(Tone.Decibels(Tone.Amplitude(output, frequency, 16_000), Amplitude), -0.5, 0.5);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(3000)]
    public void Upsample8kTo16k_Tone_LeavesNoMirrorImageAbove4k(double frequency)
    {
        var output = Resampler.Upsample8kTo16k(Tone.Sine(frequency, 8_000, 8_000, Amplitude));

        // Zero-stuffing mirrors f to 8 kHz - f; linear interpolation leaves the 1 kHz tone's image only ~34 dB down.
        Assert.True(Tone.Decibels(Tone.Amplitude(output, 8_000 - frequency, 16_000), Amplitude) < -50);
    }

    [Fact]
    public void Upsample8kTo16k_Tone_KeepsTheInputSamplesInPlace()
    {
        var input = Tone.Sine(440, 8_000, 800, Amplitude);

        var output = Resampler.Upsample8kTo16k(input);

        // The filter's delay is compensated: every other output sample is the input sample (to within the filter's ripple).
        Assert.All(Enumerable.Range(100, 600), i => Assert.InRange(output[2 * i] - input[i], -50, 50));
    }

    [Fact]
    public void Upsample8kTo16k_DestinationTooShort_Throws()
    {
        Assert.Throws<ArgumentException>(() => Resampler.Upsample8kTo16k(new short[160], new short[319]));
    }
}
