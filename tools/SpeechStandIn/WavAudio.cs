using System.Buffers.Binary;

namespace VoiceAgent.SpeechStandIn;

/// <summary>A WAV body as the recognizer read it: the <c>fmt </c> chunk's fields and the PCM samples of the <c>data</c> chunk.</summary>
public sealed record WavAudio(int Format, int Channels, int SampleRate, int BitsPerSample, int DeclaredDataBytes, short[] Samples)
{
    public TimeSpan Duration => TimeSpan.FromSeconds(Samples.Length / (double)(SampleRate * Math.Max(1, Channels)));

    /// <summary>The audio, or null with the reason when <paramref name="body"/> is not a RIFF/WAVE file with 16-bit PCM.</summary>
    public static (WavAudio? Audio, string? Problem) Parse(ReadOnlySpan<byte> body)
    {
        if (body.Length < 12 || !body[..4].SequenceEqual("RIFF"u8) || !body[8..12].SequenceEqual("WAVE"u8))
        {
            return (null, "not a RIFF/WAVE body");
        }

        int? format = null, channels = null, sampleRate = null, bits = null;
        var position = 12;
        while (position + 8 <= body.Length)
        {
            var id = body.Slice(position, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(body[(position + 4)..]);
            var content = body[(position + 8)..];
            if (id.SequenceEqual("fmt "u8) && size >= 16 && content.Length >= 16)
            {
                format = BinaryPrimitives.ReadInt16LittleEndian(content);
                channels = BinaryPrimitives.ReadInt16LittleEndian(content[2..]);
                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(content[4..]);
                bits = BinaryPrimitives.ReadInt16LittleEndian(content[14..]);
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (format is null)
                {
                    return (null, "data chunk before fmt chunk");
                }

                if (format != 1 || bits != 16)
                {
                    return (null, $"not 16-bit PCM (format {format}, {bits} bits)");
                }

                var data = content[..Math.Min(content.Length, Math.Max(0, size))];
                var samples = new short[data.Length / 2];
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(data[(2 * i)..]);
                }

                return (new WavAudio(format.Value, channels!.Value, sampleRate!.Value, bits.Value, size, samples), null);
            }

            position += 8 + size + (size % 2);
        }

        return (null, "no data chunk");
    }
}
