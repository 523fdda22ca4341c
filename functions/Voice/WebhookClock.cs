namespace VoiceAgent.Functions.Voice;

/// <summary>
/// The clock the webhooks wait on (filler threshold, continuation waits, turn deadline): real time in a call, a fake one
/// in tests. It is not the business clock (<see cref="TimeProvider"/> in DI), which a simulated call may hold still.
/// </summary>
public sealed record WebhookClock(TimeProvider Time)
{
    public static WebhookClock System { get; } = new(TimeProvider.System);

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, Time, cancellationToken);
}
