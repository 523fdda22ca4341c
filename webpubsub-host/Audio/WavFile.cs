using System.Buffers.Binary;

namespace VoiceAgent.WebPubSubHost.Audio;

/// <summary>
/// A mono 16-bit PCM RIFF/WAV file: what flite writes and what pocketsphinx reads. Only the <c>fmt </c> and <c>data</c>
/// chunks matter; others (LIST, fact) are skipped.
/// </summary>
public sealed class WavFile
{
    private const int HeaderLength = 44;

    public WavFile(int sampleRate, short[] samples)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentNullException.ThrowIfNull(samples);
        SampleRate = sampleRate;
        Samples = samples;
    }

    public int SampleRate { get; }

    public short[] Samples { get; }

    /// <summary>Reads a whole file.</summary>
    /// <exception cref="FormatException">Not RIFF/WAVE, not PCM, not 16-bit, not mono, or no data chunk.</exception>
    public static WavFile Parse(ReadOnlySpan<byte> file)
    {
        if (file.Length < 12 || !file[..4].SequenceEqual("RIFF"u8) || !file[8..12].SequenceEqual("WAVE"u8))
        {
            throw new FormatException("Not a RIFF/WAVE file.");
        }

        int? sampleRate = null;
        var position = 12;
        while (position + 8 <= file.Length)
        {
            var id = file.Slice(position, 4);
            var declared = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(position + 4, 4));
            var body = position + 8;
            // A writer that streamed its output may leave the size unset (0 or 0xFFFFFFFF): the chunk runs to the end.
            var length = declared == 0 || declared > (uint)(file.Length - body) ? file.Length - body : (int)declared;
            if (id.SequenceEqual("fmt "u8))
            {
                sampleRate = ReadFormat(file.Slice(body, length));
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (sampleRate is not { } rate)
                {
                    throw new FormatException("The data chunk comes before the fmt chunk.");
                }

                var data = file.Slice(body, length & ~1);
                var samples = new short[data.Length / 2];
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(data.Slice(2 * i, 2));
                }

                return new WavFile(rate, samples);
            }

            position = body + length + (length & 1);
        }

        throw new FormatException("No data chunk.");
    }

    /// <summary>The canonical 44-byte header and the samples, little-endian.</summary>
    public byte[] ToBytes()
    {
        var dataLength = Samples.Length * 2;
        var file = new byte[HeaderLength + dataLength];
        var span = file.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], HeaderLength - 8 + dataLength);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], SampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], dataLength);
        for (var i = 0; i < Samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(span[(HeaderLength + (2 * i))..], Samples[i]);
        }

        return file;
    }

    private static int ReadFormat(ReadOnlySpan<byte> format)
    {
        if (format.Length < 16)
        {
            throw new FormatException("The fmt chunk is too short.");
        }

        var encoding = BinaryPrimitives.ReadUInt16LittleEndian(format);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(format[2..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(format[14..]);
        // WAVE_FORMAT_EXTENSIBLE (0xFFFE, which some writers use for plain PCM) names the real format in its sub-format GUID,
        // whose first two bytes are the format code.
        if (encoding == 0xFFFE && format.Length >= 26)
        {
            encoding = BinaryPrimitives.ReadUInt16LittleEndian(format[24..]);
        }

        if (encoding != 1 || bits != 16 || channels != 1)
        {
            throw new FormatException($"Only mono 16-bit PCM is read (format {encoding}, {channels} channels, {bits} bits).");
        }

        return BinaryPrimitives.ReadInt32LittleEndian(format[4..]);
    }
}
