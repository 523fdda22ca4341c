using System.Collections.Concurrent;

namespace VoiceAgent.Core.Scheduling;

/// <summary>
/// A tenant's wall clock: the one place VoiceAgent reads instants as the shop's local dates and times and places
/// local dates and times as instants. Everything is stored as UTC; this is the edge where the tenant's time zone
/// applies, so every DST rule is decided here and nowhere else.
/// <para>
/// Two kinds of local time need a rule. Spring-forward skips some (America/Chicago, 2027-03-14: 02:00 jumps to
/// 03:00, so 02:30 never happens: the gap); fall-back repeats some (2026-11-01: 01:00–01:59 happens in CDT, then
/// again in CST: the repeated hour). Which instant such a time means depends on what it is for:
/// </para>
/// <list type="table">
/// <listheader><term>Use</term><description>In the gap → / in the repeated hour →</description></listheader>
/// <item><term><see cref="At"/>: a time someone asks for</term><description>forward by the gap (02:30 → 03:30) / its first occurrence</description></item>
/// <item><term><see cref="ExactlyAt"/>: a reading of the clock</term><description>none / its first occurrence</description></item>
/// <item><term><see cref="WindowStart"/>, <see cref="StartOfDay"/>: where a local range begins</term><description>the instant the clocks change / its first occurrence</description></item>
/// <item><term><see cref="WindowEnd"/>: where a local range ends</term><description>the instant the clocks change / its last occurrence, so the range keeps the whole repeated hour</description></item>
/// </list>
/// Results carry the tenant's offset at that instant. Immutable and thread-safe. The availability engine uses the
/// internal members, which work in UTC ticks, on its hot path.
/// </summary>
public sealed class TenantTime
{
    private static readonly ConcurrentDictionary<string, TenantTime> ByZoneId = new(StringComparer.Ordinal);

    public TenantTime(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>The shared instance for a time zone id (IANA, e.g. <c>America/Chicago</c>), looked up once per process.</summary>
    /// <exception cref="TimeZoneNotFoundException">No such zone on this machine.</exception>
    public static TenantTime For(string timeZoneId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        return ByZoneId.GetOrAdd(timeZoneId, static id => new TenantTime(TimeZoneInfo.FindSystemTimeZoneById(id)));
    }

    /// <summary>The same instant as it reads on the shop's clock (the tenant's offset then).</summary>
    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The shop's local date at <paramref name="instant"/>.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant).DateTime);

    /// <summary>The shop's wall-clock time at <paramref name="instant"/>.</summary>
    public TimeOnly TimeOf(DateTimeOffset instant) => TimeOnly.FromDateTime(Local(instant).DateTime);

    /// <summary>What "today" means to the shop at <paramref name="now"/> (add a day for "tomorrow").</summary>
    public DateOnly Today(DateTimeOffset now) => DayOf(now);

    /// <summary>
    /// The instant meant by a local date and time that someone asks for (a booking, a time a caller or the model
    /// names): one in the spring-forward gap moves forward by the gap, one in the repeated hour is its first occurrence.
    /// </summary>
    public DateTimeOffset At(DateOnly day, TimeOnly time) => ToOffset(AtTicks(day.ToDateTime(time)));

    /// <summary>The instant the shop's clock reads exactly this (the first one when it does so twice), or null when it never does.</summary>
    public DateTimeOffset? ExactlyAt(DateOnly day, TimeOnly time)
    {
        Span<long> instants = stackalloc long[2];
        return InstantsAt(day.ToDateTime(time), instants) == 0 ? null : ToOffset(instants[0]);
    }

    /// <summary>The first instant of a local day: its midnight, or the instant the clocks change when midnight is skipped.</summary>
    public DateTimeOffset StartOfDay(DateOnly day) => ToOffset(WindowStartTicks(day.ToDateTime(TimeOnly.MinValue)));

    /// <summary>Where a local range (opening hours) that starts at <paramref name="time"/> on <paramref name="day"/> begins.</summary>
    public DateTimeOffset WindowStart(DateOnly day, TimeOnly time) => ToOffset(WindowStartTicks(day.ToDateTime(time)));

    /// <summary>Where a local range (closing time, the end of the reminder calling window) that ends at <paramref name="time"/> on <paramref name="day"/> ends.</summary>
    public DateTimeOffset WindowEnd(DateOnly day, TimeOnly time) => ToOffset(WindowEndTicks(day.ToDateTime(time)));

    /// <summary>
    /// Every instant (UTC ticks) whose wall-clock time is <paramref name="local"/>: none in a spring-forward gap,
    /// two (earlier first) in a fall-back hour, otherwise one.
    /// </summary>
    internal int InstantsAt(DateTime local, Span<long> instants)
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
    internal long? UniformOffsetOn(DateOnly date)
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

    /// <summary><see cref="At"/> in UTC ticks.</summary>
    internal long AtTicks(DateTime local)
    {
        Span<long> instants = stackalloc long[2];
        if (InstantsAt(local, instants) > 0)
        {
            return instants[0];
        }

        // Read with the offset in force before the gap: the result lies as far past the change as the time lay past the gap's start.
        return local.Ticks - Zone.GetUtcOffset(local.AddHours(-12)).Ticks;
    }

    /// <summary><see cref="WindowStart"/> in UTC ticks; <paramref name="local"/> may be the next day's midnight.</summary>
    internal long WindowStartTicks(DateTime local) => Edge(local, latest: false);

    /// <summary><see cref="WindowEnd"/> in UTC ticks; <paramref name="local"/> may be the next day's midnight (a range that ends at 24:00).</summary>
    internal long WindowEndTicks(DateTime local) => Edge(local, latest: true);

    /// <summary>The shop's wall clock at a UTC instant (ticks).</summary>
    internal DateTime WallClockAt(long utcTicks) =>
        TimeZoneInfo.ConvertTimeFromUtc(new DateTime(utcTicks, DateTimeKind.Utc), Zone);

    private DateTimeOffset ToOffset(long utcTicks) => new LocalSlot(utcTicks, WallClockAt(utcTicks).Ticks).ToDateTimeOffset();

    private long Edge(DateTime local, bool latest)
    {
        Span<long> instants = stackalloc long[2];
        var probe = local;
        // A gap is at most a few hours; the first minute after it that exists is the instant the clocks change.
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
