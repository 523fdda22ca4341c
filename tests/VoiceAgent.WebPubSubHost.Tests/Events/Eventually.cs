namespace VoiceAgent.WebPubSubHost.Tests.Events;

/// <summary>Waits for background work (the event sender) to have an effect, with a generous cap rather than a timing assertion.</summary>
internal static class Eventually
{
    public static async Task<bool> TrueAsync(Func<bool> condition)
    {
        using var cap = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (cap.IsCancellationRequested)
            {
                return false;
            }

            await Task.Delay(20, CancellationToken.None);
        }

        return true;
    }
}
