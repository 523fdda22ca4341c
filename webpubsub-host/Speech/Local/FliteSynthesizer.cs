using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using VoiceAgent.WebPubSubHost.Audio;

namespace VoiceAgent.WebPubSubHost.Speech.Local;

/// <summary>
/// Text to telephone audio with flite, for running without Azure: flite writes the whole text as a WAV (16 kHz for most
/// voices) to its stdout; that is low-passed and halved to 8 kHz, encoded to μ-law and handed on in chunks. flite does
/// not stream, so the first chunk comes when the text is done (tens of milliseconds for a sentence).
/// flite speaks US English only.
/// </summary>
public sealed class FliteSynthesizer : ISpeechSynthesizer
{
    private readonly FliteOptions _options;

    public FliteSynthesizer(IOptions<FliteOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    /// <exception cref="NotSupportedException"><paramref name="language"/> is not English.</exception>
    /// <exception cref="SpeechToolNotFoundException">flite is not installed where <see cref="FliteOptions.Path"/> says.</exception>
    public async IAsyncEnumerable<ReadOnlyMemory<byte>> SynthesizeAsync(
        string text, string? language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (language is not null && !language.StartsWith("en", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException($"flite speaks English only, not {language}.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        var wav = await SpeechToolProcess.RunAsync(
            _options.Path,
            ["-voice", _options.Voice, "-t", text, "-o", "/dev/stdout"],
            ReadOnlyMemory<byte>.Empty,
            $"{FliteOptions.SectionName}:Path",
            cancellationToken);
        var mulaw = ToTelephoneAudio(WavFile.Parse(wav));
        var chunkLength = _options.ChunkMilliseconds * Utterance.SampleRate / 1000;
        for (var offset = 0; offset < mulaw.Length; offset += chunkLength)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return mulaw.AsMemory(offset, Math.Min(chunkLength, mulaw.Length - offset));
        }
    }

    private byte[] ToTelephoneAudio(WavFile speech)
    {
        var samples = speech.SampleRate switch
        {
            Utterance.SampleRate => speech.Samples,
            2 * Utterance.SampleRate => Resampler.Downsample16kTo8k(speech.Samples),
            _ => throw new NotSupportedException($"flite voice '{_options.Voice}' speaks at {speech.SampleRate} Hz; 8 or 16 kHz are converted."),
        };
        var mulaw = new byte[samples.Length];
        MuLaw.Encode(samples, mulaw);
        return mulaw;
    }
}
