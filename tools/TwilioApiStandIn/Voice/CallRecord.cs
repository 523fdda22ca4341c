namespace VoiceAgent.TwilioApiStandIn.Voice;

/// <summary>
/// One call's changing state behind a lock: the current <see cref="RecordedCall"/> snapshot and the updates made through
/// the API that playback has not taken yet.
/// </summary>
internal sealed class CallRecord(RecordedCall initial)
{
    private readonly Lock _lock = new();
    private readonly Queue<LiveCallUpdate> _pending = new();
    private RecordedCall _current = initial;

    public string Sid { get; } = initial.Sid;

    public RecordedCall Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    public RecordedCall Change(Func<RecordedCall, RecordedCall> change)
    {
        lock (_lock)
        {
            _current = change(_current);
            return _current;
        }
    }

    /// <summary>Queues an API update for a live call; false when the call has ended (Twilio: 21220).</summary>
    public bool TryUpdate(LiveCallUpdate update, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (!_current.IsLive)
            {
                return false;
            }

            _pending.Enqueue(update);
            _current = _current with { Updates = [.. _current.Updates, update], DateUpdated = now };
            return true;
        }
    }

    /// <summary>The oldest update not taken yet; a hang-up wins over anything queued before it.</summary>
    public LiveCallUpdate? TakeUpdate()
    {
        lock (_lock)
        {
            if (_pending.Any(u => u.Kind == LiveCallUpdateKind.HangUp))
            {
                _pending.Clear();
                return LiveCallUpdate.HangUp;
            }

            return _pending.TryDequeue(out var update) ? update : null;
        }
    }
}
