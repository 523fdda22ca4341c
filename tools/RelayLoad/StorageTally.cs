using System.Collections.Concurrent;
using System.Diagnostics;
using VoiceAgent.LoadKit;

namespace VoiceAgent.RelayLoad;

/// <summary>
/// The storage requests of each call, kept by the trace the call runs in: the relay socket's <c>traceparent</c> (the
/// host's request and every turn on it continue that trace) or the baseline call's own activity. A turn's requests
/// are those recorded between its mark and the end of its reply; a call's turns never overlap.
/// </summary>
internal sealed class StorageTally
{
    private readonly ConcurrentDictionary<ActivityTraceId, List<StorageRequest>> _byTrace = new();

    public void Add(StorageRequest request)
    {
        var requests = _byTrace.GetOrAdd(request.TraceId, _ => []);
        lock (requests)
        {
            requests.Add(request);
        }
    }

    /// <summary>How many requests the trace has made so far: the mark a turn's <see cref="Since"/> counts from.</summary>
    public int Mark(ActivityTraceId trace) => Since(trace, 0).Count;

    public IReadOnlyList<StorageRequest> Since(ActivityTraceId trace, int mark)
    {
        if (!_byTrace.TryGetValue(trace, out var requests))
        {
            return [];
        }

        lock (requests)
        {
            return [.. requests.Skip(mark)];
        }
    }
}
