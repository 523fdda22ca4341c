namespace VoiceAgent.SpeechStandIn;

/// <summary>
/// The stand-in's synthesised speech: a 440 Hz tone in G.711 μ-law at 8 kHz, as long as the text asks for. The same
/// text always gives the same bytes, so a test can tell which sentence it heard and whether any of it was lost.
/// </summary>
public static class ToneAudio
{
    public const int SampleRate = 8000;
    private const double Frequency = 440;
    private const double Amplitude = 8000;

    public static byte[] For(string text, int bytesPerCharacter)
    {
        ArgumentNullException.ThrowIfNull(text);
        var audio = new byte[text.Length * bytesPerCharacter];
        for (var i = 0; i < audio.Length; i++)
        {
            audio[i] = MuLaw((short)Math.Round(Amplitude * Math.Sin(2 * Math.PI * Frequency * i / SampleRate)));
        }

        return audio;
    }

    /// <summary>G.711 μ-law encoding of one 16-bit sample.</summary>
    public static byte MuLaw(short sample)
    {
        const int bias = 0x84;
        const int clip = 32635;
        int value = sample;
        var sign = value < 0 ? 0x80 : 0;
        value = Math.Min(Math.Abs(value), clip) + bias;
        var exponent = 7;
        for (var mask = 0x4000; (value & mask) == 0 && exponent > 0; mask >>= 1)
        {
            exponent--;
        }

        var mantissa = (value >> (exponent + 3)) & 0x0F;
        return (byte)~(sign | (exponent << 4) | mantissa);
    }
}
