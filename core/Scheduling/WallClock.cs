namespace VoiceAgent.Core.Scheduling;

/// <summary>Places a local wall-clock time in a time zone, the one way VoiceAgent resolves DST edges.</summary>
public static class WallClock
{
    /// <summary>
    /// A time skipped by spring-forward moves forward by the gap (02:30 → 03:30); a time repeated by fall-back takes
    /// its first (daylight) occurrence.
    /// </summary>
    public static DateTimeOffset Resolve(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.Add(zone.GetUtcOffset(local.AddHours(12)) - zone.GetUtcOffset(local.AddHours(-12)));
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
