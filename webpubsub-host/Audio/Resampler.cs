namespace VoiceAgent.WebPubSubHost.Audio;

/// <summary>Sample-rate conversion of 16-bit PCM between telephone audio (8 kHz) and what recognizers take (16 kHz).</summary>
public static class Resampler
{
    /// <summary>8 kHz to 16 kHz: every input sample, then the midpoint to the next (linear interpolation).</summary>
    public static short[] Upsample8kTo16k(ReadOnlySpan<short> samples)
    {
        var output = new short[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++)
        {
            var next = i + 1 < samples.Length ? samples[i + 1] : samples[i];
            output[2 * i] = samples[i];
            output[(2 * i) + 1] = (short)((samples[i] + next) / 2);
        }

        return output;
    }
}
