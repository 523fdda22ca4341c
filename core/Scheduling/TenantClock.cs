namespace VoiceAgent.Core.Scheduling;

/// <summary>
/// Converts between the tenant's local wall clock and UTC instants, spelling out what happens on DST days:
/// a local time in the spring-forward gap does not exist, and one in the fall-back hour exists twice.
/// Instants are UTC ticks so the engine can compare them cheaply.
/// </summary>
internal sealed class TenantClock(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>
    /// Every instant whose local wall-clock time is <paramref name="local"/>: none in a spring-forward gap,
    /// two (earlier first) in a fall-back hour, otherwise one.
    /// </summary>
    public int InstantsAt(DateTime local, Span<long> instants)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            return 0;
        }

        if (Zone.IsAmbiguousTime(local))
        {
            var offsets = Zone.GetAmbiguousTimeOffsets(local);
            var a = local.Ticks - offsets[0].Ticks;
            var b = local.Ticks - offsets[^1].Ticks;
            instants[0] = Math.Min(a, b);
            instants[1] = Math.Max(a, b);
            return a == b ? 1 : 2;
        }

        instants[0] = local.Ticks - Zone.GetUtcOffset(local).Ticks;
        return 1;
    }

    /// <summary>
    /// The UTC offset (ticks) every wall-clock time of local <paramref name="date"/> has, or null when the offset changes
    /// that day. Lets ordinary days skip per-slot zone lookups; a day with two transitions that cancel out is assumed not to exist.
    /// </summary>
    public long? UniformOffsetOn(DateOnly date)
    {
        var first = date.ToDateTime(TimeOnly.MinValue);
        var last = first.AddDays(1).AddTicks(-1);
        if (Zone.IsInvalidTime(first) || Zone.IsAmbiguousTime(first) || Zone.IsInvalidTime(last) || Zone.IsAmbiguousTime(last))
        {
            return null;
        }

        var offset = Zone.GetUtcOffset(first);
        return offset == Zone.GetUtcOffset(last) ? offset.Ticks : null;
    }

    /// <summary>The instant the shop opens at local <paramref name="local"/>: the first occurrence if it happens twice, the end of the gap if it never happens.</summary>
    public long OpeningInstant(DateTime local) => Resolve(local, latest: false);

    /// <summary>The instant the shop closes at local <paramref name="local"/>: the last occurrence if it happens twice, the end of the gap if it never happens.</summary>
    public long ClosingInstant(DateTime local) => Resolve(local, latest: true);

    public DateTime ToLocal(long utcTicks) =>
        TimeZoneInfo.ConvertTimeFromUtc(new DateTime(utcTicks, DateTimeKind.Utc), Zone);

    private long Resolve(DateTime local, bool latest)
    {
        Span<long> instants = stackalloc long[2];
        var probe = local;
        // A gap is at most a few hours; walk forward a minute at a time to the first wall-clock time that exists.
        for (var i = 0; i <= 24 * 60; i++)
        {
            var count = InstantsAt(probe, instants);
            if (count > 0)
            {
                return latest ? instants[count - 1] : instants[0];
            }

            probe = probe.AddMinutes(1);
        }

        throw new InvalidOperationException($"No valid local time within a day after {local:O} in {Zone.Id}.");
    }
}
