using Microsoft.Extensions.Options;
using VoiceAgent.WebPubSubHost.Audio;
using VoiceAgent.WebPubSubHost.Speech.Local;

namespace VoiceAgent.StreamLoad;

/// <summary>
/// What every simulated caller says: real speech (flite, through the host's own synthesizer, so Silero hears speech),
/// cut to its first and last voiced 20 ms frames so "the last voiced frame" is the line's last frame, as base64 μ-law
/// payloads ready to send; and the payload of digital silence sent between lines.
/// </summary>
internal sealed class CallerLine
{
    public const int FrameBytes = 160;

    /// <summary>A frame this loud (RMS, dBFS) or louder counts as voiced when the line is trimmed.</summary>
    private const double VoicedDbfs = -40;

    private CallerLine(string[] frames) => Frames = frames;

    public IReadOnlyList<string> Frames { get; }

    public static string Silence { get; } = Convert.ToBase64String(Enumerable.Repeat(MuLaw.Encode(0), FrameBytes).ToArray());

    public static async Task<CallerLine> SpeakAsync(string text, CancellationToken cancellationToken)
    {
        var flite = new FliteSynthesizer(Options.Create(new FliteOptions()));
        var audio = new List<byte>();
        await foreach (var chunk in flite.SynthesizeAsync(text, "en-US", cancellationToken))
        {
            audio.AddRange(chunk.ToArray());
        }

        var frames = audio.Chunk(FrameBytes).Where(f => f.Length == FrameBytes).ToList();
        var first = frames.FindIndex(IsVoiced);
        var last = frames.FindLastIndex(IsVoiced);
        if (first < 0)
        {
            throw new InvalidOperationException($"flite said nothing voiced for '{text}'.");
        }

        return new CallerLine([.. frames.Skip(first).Take(last - first + 1).Select(Convert.ToBase64String)]);
    }

    private static bool IsVoiced(byte[] frame)
    {
        var sum = 0.0;
        foreach (var code in frame)
        {
            var sample = MuLaw.Decode(code) / 32768.0;
            sum += sample * sample;
        }

        return 10 * Math.Log10((sum / frame.Length) + 1e-12) >= VoicedDbfs;
    }
}
