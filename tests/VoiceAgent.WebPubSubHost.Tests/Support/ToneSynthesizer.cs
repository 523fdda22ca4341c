using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using VoiceAgent.WebPubSubHost.Audio;
using VoiceAgent.WebPubSubHost.Speech;

namespace VoiceAgent.WebPubSubHost.Tests.Support;

/// <summary>
/// A synthesizer with no latency and a known length: a 440 Hz tone of <see cref="PerCharacter"/> per character of the
/// text, as μ-law in 100 ms chunks. Keeps every text it was asked to speak, in order, and the language and voice it was
/// asked for.
/// </summary>
public sealed class ToneSynthesizer(TimeSpan perCharacter) : ISpeechSynthesizer
{
    public TimeSpan PerCharacter { get; } = perCharacter;

    public ConcurrentQueue<string> Spoken { get; } = new();

    /// <summary>The language and named voice of each text in <see cref="Spoken"/>, in the same order.</summary>
    public ConcurrentQueue<(string? Language, string? Voice)> Voices { get; } = new();

    public TimeSpan LengthOf(string text) => PerCharacter * text.Length;

    public IAsyncEnumerable<ReadOnlyMemory<byte>> SynthesizeAsync(string text, string? language, CancellationToken cancellationToken) =>
        SynthesizeAsync(text, language, voice: null, cancellationToken);

    public async IAsyncEnumerable<ReadOnlyMemory<byte>> SynthesizeAsync(string text, string? language, string? voice, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Voices.Enqueue((language, voice));
        Spoken.Enqueue(text);
        var samples = (int)(LengthOf(text).TotalSeconds * 8000);
        const int chunk = 800;
        for (var at = 0; at < samples; at += chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var length = Math.Min(chunk, samples - at);
            var pcm = new short[length];
            for (var i = 0; i < length; i++)
            {
                pcm[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * (at + i) / 8000));
            }

            var mulaw = new byte[length];
            MuLaw.Encode(pcm, mulaw);
            yield return mulaw;
            await Task.Yield();
        }
    }
}
