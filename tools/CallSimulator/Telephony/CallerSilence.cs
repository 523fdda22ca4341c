namespace VoiceAgent.CallSimulator.Telephony;

/// <summary>The caller says nothing on a real-time session: time passes until the agent speaks again (its silence timer fired).</summary>
internal static class CallerSilence
{
    /// <summary>The longest a caller's silence lasts, in app time, before the simulator calls the agent stuck.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Waits until <paramref name="agentSpeaks"/> completes: on a real clock (<paramref name="advanceClock"/> null) the
    /// host's timer runs in real time; on a fake one the clock moves a second at a time.
    /// </summary>
    /// <exception cref="CallFailedException">The agent said nothing through <see cref="Longest"/>.</exception>
    public static async Task WaitOutAsync(Task agentSpeaks, Action<TimeSpan>? advanceClock)
    {
        if (advanceClock is null)
        {
            await Task.WhenAny(agentSpeaks, Task.Delay(Longest));
        }
        else
        {
            for (var waited = TimeSpan.Zero; waited < Longest && !agentSpeaks.IsCompleted; waited += TimeSpan.FromSeconds(1))
            {
                advanceClock(TimeSpan.FromSeconds(1));
                await Task.WhenAny(agentSpeaks, Task.Delay(TimeSpan.FromMilliseconds(50)));
            }
        }

        if (!agentSpeaks.IsCompleted)
        {
            throw new CallFailedException($"The agent said nothing through {Longest.TotalMinutes:0} minutes of the caller's silence.");
        }
    }
}
