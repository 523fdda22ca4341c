namespace VoiceAgent.WebPubSubHost.Speech;

/// <summary>Text to telephone audio: Azure AI Speech in Azure, flite locally, a fake in tests.</summary>
public interface ISpeechSynthesizer
{
    /// <summary>
    /// Speaks <paramref name="text"/> as raw μ-law, 8 kHz, mono (the Media Streams payload format), in chunks as they
    /// arrive, so the first can be sent to Twilio before the sentence is synthesised. <paramref name="language"/> is BCP 47
    /// (e.g. <c>en-US</c>); null is the call's language.
    /// </summary>
    IAsyncEnumerable<ReadOnlyMemory<byte>> SynthesizeAsync(string text, string? language, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="SynthesizeAsync(string, string?, CancellationToken)"/>, in the named <paramref name="voice"/> (a shop's
    /// own, e.g. <c>en-US-AndrewNeural</c>) where the synthesizer has named voices; null, or a synthesizer with one voice
    /// (flite), speaks in the language's configured voice.
    /// </summary>
    IAsyncEnumerable<ReadOnlyMemory<byte>> SynthesizeAsync(string text, string? language, string? voice, CancellationToken cancellationToken) =>
        SynthesizeAsync(text, language, cancellationToken);
}
