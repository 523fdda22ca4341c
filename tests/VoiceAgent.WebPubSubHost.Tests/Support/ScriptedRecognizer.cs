using System.Collections.Concurrent;
using VoiceAgent.WebPubSubHost.Speech;

namespace VoiceAgent.WebPubSubHost.Tests.Support;

/// <summary>
/// A recognizer that hears the scripted lines, one per utterance in order, whatever the audio (nothing once they run
/// out); with <paramref name="narrow"/>, an utterance that comes with expected phrases goes to that recognizer instead.
/// Keeps every utterance it was given.
/// </summary>
public sealed class ScriptedRecognizer(IEnumerable<string> lines, ISpeechRecognizer? narrow = null) : ISpeechRecognizer
{
    private readonly ConcurrentQueue<string> _lines = new(lines);

    public ConcurrentQueue<Utterance> Heard { get; } = new();

    public Task<Transcript> RecognizeAsync(Utterance utterance, CancellationToken cancellationToken)
    {
        Heard.Enqueue(utterance);
        if (narrow is not null && utterance.ExpectedPhrases is { Count: > 0 })
        {
            return narrow.RecognizeAsync(utterance, cancellationToken);
        }

        return Task.FromResult(_lines.TryDequeue(out var line) ? new Transcript(line, 0.9) : Transcript.Nothing);
    }
}
