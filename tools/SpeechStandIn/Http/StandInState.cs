using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace VoiceAgent.SpeechStandIn.Http;

/// <summary>What the endpoints share: the options, the queues tests fill (transcripts, faults, holds), the record, and the stop signal.</summary>
internal sealed class StandInState(SpeechStandInOptions options, string key) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<ScriptedRecognition> _recognitions = new();
    private readonly ConcurrentQueue<SynthesisHold> _holds = new();
    private readonly ConcurrentDictionary<SpeechOperation, ConcurrentQueue<SpeechFault>> _faults = new();
    private readonly ConcurrentQueue<RecordedSpeechRequest> _requests = new();

    public SpeechStandInOptions Options { get; } = options;
    public string Key { get; } = key;
    public CancellationToken Stopping => _stopping.Token;
    public IReadOnlyList<RecordedSpeechRequest> Requests => [.. _requests];

    public void Enqueue(ScriptedRecognition recognition) => _recognitions.Enqueue(recognition);

    public void Enqueue(SynthesisHold hold) => _holds.Enqueue(hold);

    public void Enqueue(SpeechOperation operation, SpeechFault fault) => _faults.GetOrAdd(operation, _ => new()).Enqueue(fault);

    public SpeechFault? NextFault(SpeechOperation operation) => _faults.TryGetValue(operation, out var queue) && queue.TryDequeue(out var fault) ? fault : null;

    public SynthesisHold? NextHold() => _holds.TryDequeue(out var hold) ? hold : null;

    public ScriptedRecognition NextRecognition(RecordedSpeechRequest request) =>
        _recognitions.TryDequeue(out var scripted) ? scripted : Options.Recognizer?.Invoke(request) ?? ScriptedRecognition.NoMatch;

    public void Record(RecordedSpeechRequest request) => _requests.Enqueue(request);

    /// <summary>The request's own abort and the stand-in's stop, together: held and delayed answers end on either.</summary>
    public CancellationTokenSource Linked(HttpContext http) => CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, Stopping);

    /// <summary>Ends every held or delayed request.</summary>
    public void Stop() => _stopping.Cancel();

    public void Dispose() => _stopping.Dispose();
}
