using Microsoft.Extensions.Options;
using VoiceAgent.WebPubSubHost.Audio;
using VoiceAgent.WebPubSubHost.Speech.Local;

namespace VoiceAgent.CallSimulator.Telephony;

/// <summary>
/// The simulated caller's voice on a Media Stream: flite's <c>slt</c> voice (not the agent's), made telephone audio the
/// way the host makes its own (8 kHz, through μ-law), as 16-bit samples to send frame by frame.
/// </summary>
public static class CallerVoice
{
    private static readonly FliteSynthesizer Flite = new(Options.Create(new FliteOptions { Voice = "slt" }));

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
