namespace VoiceAgent.WebPubSubHost.Audio;

/// <summary>
/// Sample-rate conversion of 16-bit PCM between telephone audio (8 kHz) and what recognizers take and synthesizers make
/// (16 kHz). Both directions run one low-pass filter at 16 kHz that passes the telephone band (to ~3.3 kHz) and stops
/// everything from 4 kHz, where 8 kHz audio folds over: upsampling removes the mirror images zero-stuffing makes above
/// 4 kHz (linear interpolation leaves them, and recognizers hear them as hiss), downsampling removes what would alias
/// into the band. Whole buffers: the filter's delay is compensated, so output sample n lines up with input time n.
/// </summary>
public static class Resampler
{
    /// <summary>95 taps at 16 kHz, cut off at 3.65 kHz, Kaiser β 7: ~70 dB down from ~4 kHz.</summary>
    private static readonly float[] TelephoneBand = LowPassFilter.Design(95, 3650.0 / 16000, 7.0);

    private static readonly int Delay = (TelephoneBand.Length - 1) / 2;

    /// <summary>8 kHz to 16 kHz: twice as many samples, the band above 4 kHz left empty.</summary>
    public static short[] Upsample8kTo16k(ReadOnlySpan<short> samples)
    {
        var output = new short[samples.Length * 2];
        Upsample8kTo16k(samples, output);
        return output;
    }

    /// <summary>8 kHz to 16 kHz into <paramref name="output"/>, which takes <c>2 × samples.Length</c> samples.</summary>
    public static void Upsample8kTo16k(ReadOnlySpan<short> samples, Span<short> output)
    {
        var length = samples.Length * 2;
        if (output.Length < length)
        {
            throw new ArgumentException($"Room for {output.Length} samples, {length} to write.", nameof(output));
        }

        var taps = TelephoneBand.AsSpan();
        for (var m = 0; m < length; m++)
        {
            // Output m is the filter over the zero-stuffed input u (u[2i] = x[i], u[odd] = 0), centred on m:
            // the taps k with m + Delay - k even and inside the input are the only ones that count.
            var position = m + Delay;
            var first = Math.Max(0, position - (length - 2));
            first += (position - first) & 1;
            var last = Math.Min(taps.Length - 1, position);
            var sum = 0f;
            for (var k = first; k <= last; k += 2)
            {
                sum += taps[k] * samples[(position - k) >> 1];
            }

            // Zero-stuffing halved the level: the filter's gain of 2 restores it.
            output[m] = Saturate(2 * sum);
        }
    }

    /// <summary>16 kHz to 8 kHz: half as many samples (rounded up), nothing above 4 kHz folded into the band.</summary>
    public static short[] Downsample16kTo8k(ReadOnlySpan<short> samples)
    {
        var output = new short[(samples.Length + 1) / 2];
        Downsample16kTo8k(samples, output);
        return output;
    }

    /// <summary>16 kHz to 8 kHz into <paramref name="output"/>, which takes <c>(samples.Length + 1) / 2</c> samples.</summary>
    public static void Downsample16kTo8k(ReadOnlySpan<short> samples, Span<short> output)
    {
        var length = (samples.Length + 1) / 2;
        if (output.Length < length)
        {
            throw new ArgumentException($"Room for {output.Length} samples, {length} to write.", nameof(output));
        }

        var taps = TelephoneBand.AsSpan();
        for (var n = 0; n < length; n++)
        {
            // Only every other filtered sample is kept, so only those are computed.
            var position = (2 * n) + Delay;
            var first = Math.Max(0, position - (samples.Length - 1));
            var last = Math.Min(taps.Length - 1, position);
            var sum = 0f;
            for (var k = first; k <= last; k++)
            {
                sum += taps[k] * samples[position - k];
            }

            output[n] = Saturate(sum);
        }
    }

    private static short Saturate(float value) => (short)Math.Clamp(MathF.Round(value), short.MinValue, short.MaxValue);
}
