using System.Collections.Concurrent;

namespace VoiceAgent.TwilioApiStandIn.Messaging;

/// <summary>
/// Every message the stand-in accepted, in the order it accepted them, the sends it refused, and the numbers that
/// opted out of texts (Twilio answers 21610 for those). Thread-safe.
/// </summary>
public sealed class MessageLog
{
    private readonly Lock _lock = new();
    private readonly List<RecordedMessage> _messages = [];
    private readonly List<RejectedMessage> _rejected = [];
    private readonly ConcurrentDictionary<string, bool> _optedOut = new(StringComparer.Ordinal);

    public IReadOnlyList<RecordedMessage> Messages
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages];
            }
        }
    }

    public IReadOnlyList<RejectedMessage> Rejected
    {
        get
        {
            lock (_lock)
            {
                return [.. _rejected];
            }
        }
    }

    public void OptOut(string number) => _optedOut[number] = true;

    public void OptIn(string number) => _optedOut.TryRemove(number, out _);

    public bool IsOptedOut(string number) => _optedOut.ContainsKey(number);

    public void Add(RecordedMessage message)
    {
        lock (_lock)
        {
            _messages.Add(message);
        }
    }

    public void Reject(RejectedMessage rejected)
    {
        lock (_lock)
        {
            _rejected.Add(rejected);
        }
    }

    public RecordedMessage? Find(string sid)
    {
        lock (_lock)
        {
            return _messages.Find(m => m.Sid == sid);
        }
    }

    /// <summary>Replaces the message with the same sid (its status moved on).</summary>
    public RecordedMessage Update(string sid, Func<RecordedMessage, RecordedMessage> change)
    {
        lock (_lock)
        {
            var index = _messages.FindIndex(m => m.Sid == sid);
            var changed = change(_messages[index]);
            _messages[index] = changed;
            return changed;
        }
    }
}
