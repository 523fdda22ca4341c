namespace VoiceAgent.WebPubSubHost.Audio;

/// <summary>
/// G.711 μ-law, the Media Streams payload (8 kHz, one byte a sample), to and from 16-bit linear PCM. Allocation-free over
/// spans so a 20 ms frame costs no garbage; byte-exact with sox (the Sun reference code), which the tests check.
/// </summary>
public static class MuLaw
{
    /// <summary>Added to the magnitude before the segment search, so every segment's step doubles cleanly (G.711's 0x84).</summary>
    private const int Bias = 0x84;

    /// <summary>The largest 14-bit magnitude the encoder takes before the bias; anything louder is the loudest code.</summary>
    private const int Clip = 8159;

    /// <summary>All 256 codes decoded once: a frame's decode is then one load a sample.</summary>
    private static readonly short[] DecodeTable = BuildDecodeTable();

    /// <summary>One code to its linear value (±32124 at the extremes; 0x7F and 0xFF are both 0).</summary>
    public static short Decode(byte code) => DecodeTable[code];

    /// <summary>Decodes <paramref name="codes"/> into the first <c>codes.Length</c> samples of <paramref name="samples"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="samples"/> is shorter than <paramref name="codes"/>.</exception>
    public static void Decode(ReadOnlySpan<byte> codes, Span<short> samples)
    {
        if (samples.Length < codes.Length)
        {
            throw new ArgumentException($"Room for {samples.Length} samples, {codes.Length} codes to decode.", nameof(samples));
        }

        var table = DecodeTable;
        for (var i = 0; i < codes.Length; i++)
        {
            samples[i] = table[codes[i]];
        }
    }

    /// <summary>
    /// The G.711 expansion by arithmetic, without the table: what <see cref="DecodeTable"/> holds, and the benchmark's
    /// baseline for it.
    /// </summary>
    public static short DecodeByFormula(byte code)
    {
        var inverted = ~code & 0xFF;
        var exponent = (inverted >> 4) & 0x07;
        var mantissa = inverted & 0x0F;
        var magnitude = (((mantissa << 3) + Bias) << exponent) - Bias;
        return (short)((inverted & 0x80) != 0 ? -magnitude : magnitude);
    }

    /// <summary>
    /// One sample to its code, as sox encodes it: the sample is first rounded to 14 bits (half up, so -1 and -2 are
    /// silence, not the smallest negative step), then compressed.
    /// </summary>
    public static byte Encode(short sample)
    {
        var value = (sample + 2) >> 2;
        int mask;
        if (value < 0)
        {
            value = -value;
            mask = 0x7F;
        }
        else
        {
            mask = 0xFF;
        }

        if (value > Clip)
        {
            value = Clip;
        }

        value += Bias >> 2;

        // The segment is the position of the highest set bit above bit 5: 0x21..0x3F is segment 0, 0x1000..0x1FFF segment 7.
        // A clipped value (0x2000) falls past the last segment: the loudest code.
        var segment = 26 - int.LeadingZeroCount(value);
        if (segment > 7)
        {
            return (byte)(0x7F ^ mask);
        }

        var code = (segment << 4) | ((value >> (segment + 1)) & 0x0F);
        return (byte)(code ^ mask);
    }

    /// <summary>Encodes <paramref name="samples"/> into the first <c>samples.Length</c> bytes of <paramref name="codes"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="codes"/> is shorter than <paramref name="samples"/>.</exception>
    public static void Encode(ReadOnlySpan<short> samples, Span<byte> codes)
    {
        if (codes.Length < samples.Length)
        {
            throw new ArgumentException($"Room for {codes.Length} codes, {samples.Length} samples to encode.", nameof(codes));
        }

        for (var i = 0; i < samples.Length; i++)
        {
            codes[i] = Encode(samples[i]);
        }
    }

    private static short[] BuildDecodeTable()
    {
        var table = new short[256];
        for (var code = 0; code < table.Length; code++)
        {
            table[code] = DecodeByFormula((byte)code);
        }

        return table;
    }
}
