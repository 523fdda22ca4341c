using System.Buffers.Binary;
using System.Net;

namespace VoiceAgent.WebPubSubHost.Speech.Azure;

/// <summary>
/// A request body of 16-bit mono PCM as a WAV file (the 44-byte RIFF header, then the samples, little-endian), written
/// in pieces and sent chunked: the service starts recognising while the rest is on its way.
/// </summary>
public sealed class WavContent : HttpContent
{
    public const int HeaderBytes = 44;

    /// <summary>Samples per written piece: a quarter of a second at 16 kHz.</summary>
    private const int PieceSamples = 4000;

    private readonly short[] _samples;
    private readonly int _sampleRate;

    public WavContent(short[] samples, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        _samples = samples;
        _sampleRate = sampleRate;
        Headers.TryAddWithoutValidation("Content-Type", $"audio/wav; codecs=audio/pcm; samplerate={sampleRate}");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Header(), cancellationToken);
        var piece = new byte[PieceSamples * 2];
        for (var start = 0; start < _samples.Length; start += PieceSamples)
        {
            var count = Math.Min(PieceSamples, _samples.Length - start);
            for (var i = 0; i < count; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(piece.AsSpan(2 * i), _samples[start + i]);
            }

            await stream.WriteAsync(piece.AsMemory(0, count * 2), cancellationToken);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    /// <summary>Unknown to the transport, so it sends <c>Transfer-Encoding: chunked</c> as the service recommends.</summary>
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    private byte[] Header()
    {
        const short channels = 1;
        const short bitsPerSample = 16;
        var dataBytes = _samples.Length * 2;
        var header = new byte[HeaderBytes];
        var span = header.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + dataBytes);
        "WAVE"u8.CopyTo(span[8..]);
        "fmt "u8.CopyTo(span[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1); // PCM
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], channels);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], _sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], _sampleRate * channels * bitsPerSample / 8);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], channels * bitsPerSample / 8);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], bitsPerSample);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], dataBytes);
        return header;
    }
}
