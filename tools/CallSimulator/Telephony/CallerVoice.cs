using Microsoft.Extensions.Options;
using VoiceAgent.WebPubSubHost.Audio;
using VoiceAgent.WebPubSubHost.Speech;
using VoiceAgent.WebPubSubHost.Speech.Local;

namespace VoiceAgent.CallSimulator.Telephony;

/// <summary>
/// The simulated caller's voice on a Media Stream, as 8 kHz 16-bit samples to send frame by frame: flite's <c>slt</c>
/// voice (not the agent's), made telephone audio the way the host makes its own (8 kHz, through μ-law), or a recording.
/// </summary>
public static class CallerVoice
{
    private static readonly FliteSynthesizer Flite = new(Options.Create(new FliteOptions { Voice = "slt" }));

    /// <summary>What <paramref name="line"/> sounds like: its WAV file when it has one, else flite speaking its words.</summary>
    public static async Task<short[]> OfAsync(CallerUtterance line, string words, CancellationToken cancellationToken) =>
        line.AudioFile is { } path ? await ReadWavAsync(path, cancellationToken) : await SpeakAsync(words, cancellationToken);

    /// <summary>A recording: a mono 16-bit PCM WAV at 8 kHz, or at 16 kHz (halved as the host halves flite's).</summary>
    /// <exception cref="CallFailedException">The file cannot be read or is not such a WAV.</exception>
    public static async Task<short[]> ReadWavAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var wav = WavFile.Parse(await File.ReadAllBytesAsync(path, cancellationToken));
            return wav.SampleRate switch
            {
                Utterance.SampleRate => wav.Samples,
                2 * Utterance.SampleRate => Resampler.Downsample16kTo8k(wav.Samples),
                _ => throw new FormatException($"it is {wav.SampleRate} Hz; the caller's recordings are 8 or 16 kHz"),
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new CallFailedException($"The caller's recording {path} cannot be played: {ex.Message}", ex);
        }
    }

    /// <exception cref="CallFailedException">flite is not installed (tools/install-system-packages installs it).</exception>
    public static async Task<short[]> SpeakAsync(string text, CancellationToken cancellationToken)
    {
        using var mulaw = new MemoryStream();
        try
        {
            await foreach (var chunk in Flite.SynthesizeAsync(text, "en-US", cancellationToken))
            {
                mulaw.Write(chunk.Span);
            }
        }
        catch (SpeechToolNotFoundException ex)
        {
            throw new CallFailedException($"The caller cannot speak on a Media Stream: {ex.Message}", ex);
        }

        var samples = new short[mulaw.Length];
        MuLaw.Decode(mulaw.GetBuffer().AsSpan(0, (int)mulaw.Length), samples);
        return samples;
    }
}
