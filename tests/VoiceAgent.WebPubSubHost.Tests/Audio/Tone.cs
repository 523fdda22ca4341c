namespace VoiceAgent.WebPubSubHost.Tests.Audio;

/// <summary>Test signals and how loud a frequency is in them.</summary>
internal static class Tone
{
    public static short[] Sine(double frequency, int sampleRate, int length, double amplitude = 10_000) =>
        Enumerable.Range(0, length)
            .Select(n => (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * n / sampleRate)))
            .ToArray();

    /// <summary>
    /// The amplitude of <paramref name="frequency"/> (Goertzel), over the middle of the signal: the ends, where a
    /// filter runs into the silence around a buffer, are left out.
    /// </summary>
    public static double Amplitude(short[] samples, double frequency, int sampleRate)
    {
        var skip = samples.Length / 8;
        var middle = samples.AsSpan(skip, samples.Length - (2 * skip));
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double previous = 0, beforePrevious = 0;
        foreach (var sample in middle)
        {
            var current = sample + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }

        var power = (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
        return 2 * Math.Sqrt(Math.Max(power, 0)) / middle.Length;
    }

    public static double Decibels(double amplitude, double reference) => 20 * Math.Log10(amplitude / reference);
}
