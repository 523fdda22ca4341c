namespace VoiceAgent.WebPubSubHost.Speech;

/// <summary>One caller utterance to text: Azure AI Speech (short audio) in Azure, pocketsphinx locally, a fake in tests.</summary>
public interface ISpeechRecognizer
{
    /// <summary>The final transcript of one utterance; an empty <see cref="Transcript.Text"/> when nothing was recognised.</summary>
    Task<Transcript> RecognizeAsync(Utterance utterance, CancellationToken cancellationToken);
}

/// <summary>
/// What the caller said between voice onset and end of turn: 16-bit linear PCM at 8 kHz (decoded from the call's μ-law),
/// with the hints a recognizer may use. <see cref="ExpectedPhrases"/> is set when a narrow answer is expected (a yes or
/// no to a read-back): a grammar or keyword list for recognizers that take one.
/// </summary>
public sealed record Utterance(ReadOnlyMemory<short> Samples, string Language, IReadOnlyList<string>? ExpectedPhrases = null)
{
    public const int SampleRate = 8000;

    public TimeSpan Duration => TimeSpan.FromSeconds(Samples.Length / (double)SampleRate);
}

/// <summary>A recognizer's answer: the words, and its confidence (0–1) where it gives one.</summary>
public sealed record Transcript(string Text, double? Confidence = null)
{
    public static Transcript Nothing { get; } = new(string.Empty);

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text);
}
