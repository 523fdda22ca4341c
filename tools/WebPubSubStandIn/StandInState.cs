using System.Collections.Concurrent;
using System.Net;

namespace VoiceAgent.WebPubSubStandIn;

/// <summary>What the stand-in knows: its credentials, what it was sent, the faults it was told to answer, who is connected.</summary>
internal sealed class StandInState(string accessKey, string? entraToken)
{
    private readonly List<RecordedSend> _sends = [];
    private readonly Queue<HttpStatusCode> _faults = new();

    public string AccessKey { get; } = accessKey;

    public string? EntraToken { get; } = entraToken;

    public ConcurrentDictionary<string, ClientConnection> Connections { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<RecordedSend> Sends
    {
        get
        {
            lock (_sends)
            {
                return [.. _sends];
            }
        }
    }

    public void Record(RecordedSend send)
    {
        lock (_sends)
        {
            _sends.Add(send);
        }
    }

    public void FailNext(int count, HttpStatusCode status)
    {
        lock (_faults)
        {
            for (var i = 0; i < count; i++)
            {
                _faults.Enqueue(status);
            }
        }
    }

    public HttpStatusCode? NextFault()
    {
        lock (_faults)
        {
            return _faults.TryDequeue(out var status) ? status : null;
        }
    }
}
