namespace VoiceAgent.LoadKit;

/// <summary>
/// Real time, moved to a fixed starting instant (a Tuesday morning at the shop), so every run books the same days and
/// the scripts can name them, while the clock still runs as it does in production (caches expire, deadlines pass).
/// </summary>
public sealed class ShopClock(DateTimeOffset start) : TimeProvider
{
    /// <summary>Tuesday, December 1, 2026, 9:15 at the shop (America/Chicago), as in the tests.</summary>
    public static readonly DateTimeOffset TuesdayMorning = new(2026, 12, 1, 9, 15, 0, TimeSpan.FromHours(-6));

    private readonly TimeSpan _shift = start - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
}
