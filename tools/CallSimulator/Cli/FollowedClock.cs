namespace VoiceAgent.CallSimulator.Cli;

/// <summary>
/// The Twilio stand-in's clock when the app runs in another process: the app's time as last read
/// (<see cref="Follow"/>), so the stand-in's <c>date_sent</c> and <c>start_time</c> sit on the app's timeline and the
/// app's reconciling lookups (<c>DateSent&gt;</c>, <c>StartTime&gt;</c> since a claim) find what it sent. A fake app
/// clock stands still between moves, and so does this one; until the app's time is known, or when the app runs on the
/// real clock, it is the real clock.
/// </summary>
public sealed class FollowedClock : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset? _appNow;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _appNow ?? base.GetUtcNow();
        }
    }

    /// <summary>Takes what the app said its clock reads; a real app clock is followed by the real clock.</summary>
    public void Follow(AppClockReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Now is not { } now)
        {
            return;
        }

        lock (_lock)
        {
            // Never backwards: a reading taken before a move may arrive after it.
            _appNow = reading.IsFake ? (_appNow is { } known && known > now ? known : now.ToUniversalTime()) : null;
        }
    }
}
