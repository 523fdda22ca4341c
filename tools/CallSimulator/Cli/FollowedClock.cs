namespace VoiceAgent.CallSimulator.Cli;

/// <summary>
/// The Twilio stand-in's clock when the app runs in another process: the app's own time, read from it each time it is
/// asked (<see cref="AppClock.Read"/>), so the stand-in's <c>date_sent</c> and <c>start_time</c> sit on the app's
/// timeline even while <c>/clock</c> moves it, and the app's reconciling lookups (<c>DateSent&gt;</c>,
/// <c>StartTime&gt;</c> since a claim) find what it sent. An app on the real clock is followed by the real clock;
/// while the app cannot be read, the last time it told (or the real clock before it ever did).
/// </summary>
public sealed class FollowedClock(AppClock app) : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset? _lastKnown;
    private bool _realClock;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            if (_realClock)
            {
                return base.GetUtcNow();
            }

            var reading = app.Read();
            if (reading.Now is { } now)
            {
                _realClock = !reading.IsFake;
                _lastKnown = reading.IsFake ? now.ToUniversalTime() : null;
            }

            return _lastKnown ?? base.GetUtcNow();
        }
    }
}
