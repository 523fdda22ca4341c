using System.Runtime.CompilerServices;
using VoiceAgent.WebPubSubHost.Audio;
using VoiceAgent.WebPubSubHost.Speech;

namespace VoiceAgent.StreamLoad;

/// <summary>
/// Text to speech at zero latency: every sentence is the same short tone (<see cref="SentenceMilliseconds"/>), as μ-law,
/// in one chunk at once; short so a turn's reply plays out quickly and the next turn comes soon.
/// </summary>
internal sealed class InstantSynthesizer : ISpeechSynthesizer
{
    public const int SentenceMilliseconds = 200;

    private static readonly ReadOnlyMemory<byte> Tone = MakeTone();

    public async IAsyncEnumerable<ReadOnlyMemory<byte>> SynthesizeAsync(string text, string? language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return Tone;
        await Task.CompletedTask;
    }

    private static byte[] MakeTone()
    {
        var pcm = new short[SentenceMilliseconds * 8];
        for (var i = 0; i < pcm.Length; i++)
        {
            pcm[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 8000));
        }

        var mulaw = new byte[pcm.Length];
        MuLaw.Encode(pcm, mulaw);
        return mulaw;
    }
}
