namespace VoiceAgent.WebPubSubHost.Audio;

/// <summary>
/// Designs linear-phase low-pass FIR filters: a sinc cut off at the wanted frequency, shaped by a Kaiser window, whose
/// β trades stopband depth against transition width (β 7 ≈ 70 dB down). Used once per filter, at start-up.
/// </summary>
internal static class LowPassFilter
{
    /// <summary>
    /// <paramref name="length"/> taps (odd, so the delay is a whole number of samples), cut off at
    /// <paramref name="cutoff"/> (a fraction of the sample rate, below 0.5), normalised to unit gain at 0 Hz.
    /// </summary>
    public static float[] Design(int length, double cutoff, double beta)
    {
        if (length < 3 || length % 2 == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "An odd number of taps, at least 3.");
        }

        if (cutoff is <= 0 or >= 0.5)
        {
            throw new ArgumentOutOfRangeException(nameof(cutoff), cutoff, "A fraction of the sample rate, between 0 and 0.5.");
        }

        var center = (length - 1) / 2;
        var taps = new double[length];
        var denominator = BesselI0(beta);
        for (var n = 0; n < length; n++)
        {
            var offset = n - center;
            var sinc = offset == 0 ? 2 * cutoff : Math.Sin(2 * Math.PI * cutoff * offset) / (Math.PI * offset);
            var ratio = offset / (double)center;
            taps[n] = sinc * BesselI0(beta * Math.Sqrt(1 - (ratio * ratio))) / denominator;
        }

        var sum = taps.Sum();
        return taps.Select(t => (float)(t / sum)).ToArray();
    }

    /// <summary>The modified Bessel function of the first kind, order 0, by its power series (the Kaiser window's shape).</summary>
    private static double BesselI0(double x)
    {
        var sum = 1.0;
        var term = 1.0;
        var quarterSquare = x * x / 4;
        for (var k = 1; term > 1e-12 * sum; k++)
        {
            term *= quarterSquare / (k * k);
            sum += term;
        }

        return sum;
    }
}
