namespace VoiceAgent.AgentTurnLoad;

/// <summary>
/// Real time, moved to a fixed starting instant (a Tuesday morning at the shop), so every run books the same days and
/// the scripts can name them, while the clock still runs as it does in production (caches expire, deadlines pass).
/// </summary>
internal sealed class ShopClock(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _shift = start - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
}
