namespace VoiceAgent.TwilioApiStandIn.Voice;

/// <summary>Every call the stand-in accepted, in the order it accepted them. Thread-safe.</summary>
internal sealed class CallLog
{
    private readonly Lock _lock = new();
    private readonly List<CallRecord> _calls = [];

    public IReadOnlyList<RecordedCall> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls.Select(c => c.Current)];
            }
        }
    }

    public CallRecord Add(RecordedCall call)
    {
        var record = new CallRecord(call);
        lock (_lock)
        {
            _calls.Add(record);
        }

        return record;
    }

    public CallRecord? Find(string sid)
    {
        lock (_lock)
        {
            return _calls.Find(c => c.Sid == sid);
        }
    }
}
