namespace VoiceAgent.Core.Scheduling;

/// <summary>
/// The shop's booking rules on top of its opening hours: which starts are offered (a grid of local wall-clock
/// times anchored at midnight), how soon and how far ahead a caller may book, and whether work must finish by closing.
/// </summary>
public sealed record BookingPolicy
{
    /// <summary>30-minute grid, 1 hour lead time, 60-day horizon, appointments end by closing.</summary>
    public static BookingPolicy Default { get; } = new();

    /// <summary>Starts fall on local times whose minutes since midnight are a multiple of this (30: on the hour or half hour).</summary>
    public int SlotGridMinutes { get; init; } = 30;

    /// <summary>A start must be at least this long after "now".</summary>
    public TimeSpan MinimumLeadTime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>A start may be at most this long after "now".</summary>
    public TimeSpan BookingHorizon { get; init; } = TimeSpan.FromDays(60);

    /// <summary>When true an appointment must end by closing time; otherwise it only has to start before closing.</summary>
    public bool MustEndByClosing { get; init; } = true;

    /// <summary>Throws when a value cannot describe a usable policy.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(SlotGridMinutes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SlotGridMinutes, 24 * 60);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumLeadTime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BookingHorizon, TimeSpan.Zero);
    }
}
