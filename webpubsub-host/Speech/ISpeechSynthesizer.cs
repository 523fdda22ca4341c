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
}
