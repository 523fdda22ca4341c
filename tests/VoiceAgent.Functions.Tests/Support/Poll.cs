namespace VoiceAgent.Functions.Tests.Support;

/// <summary>Waits for a condition on what storage (or a stand-in) holds, polling, never longer than the bound given.</summary>
internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>Reads <paramref name="probe"/> until <paramref name="done"/> holds and returns that reading; throws with <paramref name="describe"/> of the last one after <paramref name="within"/>.</summary>
    public static async Task<T> UntilAsync<T>(Func<CancellationToken, Task<T>> probe, Func<T, bool> done, TimeSpan within, Func<T, string> describe, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var reading = await probe(cancellationToken);
            if (done(reading))
            {
                return reading;
            }

            if (TimeProvider.System.GetElapsedTime(started) >= within)
            {
                throw new TimeoutException($"Not done within {within.TotalSeconds:0} s: {describe(reading)}");
            }

            await Task.Delay(Interval, cancellationToken);
        }
    }
}
