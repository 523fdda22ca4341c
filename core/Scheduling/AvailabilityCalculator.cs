using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Scheduling;

/// <summary>
/// Pure, storage-free availability for one tenant: which starts a service can be booked at, given the tenant's hours,
/// closures and <see cref="BookingPolicy"/>, the clock, the appointments already booked (per-service capacity) and the
/// external calendar's busy times (which block everything). Instants are compared in UTC; results carry the tenant's offset.
/// Thread-safe: it holds no per-query state.
/// </summary>
public sealed class AvailabilityCalculator
{
    private readonly TenantTime _time;
    private readonly OpeningCalendar _calendar;

    public AvailabilityCalculator(TenantProfile tenant, BookingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(policy);
        policy.Validate();
        Tenant = tenant;
        Policy = policy;
        _time = tenant.Time;
        _calendar = new OpeningCalendar(tenant, policy, _time);
    }

    public TenantProfile Tenant { get; }

    public BookingPolicy Policy { get; }

    public TimeZoneInfo TimeZone => _time.Zone;

    /// <summary>The tenant's local date at <paramref name="instant"/>: what "today" means to the shop (add a day for "tomorrow").</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => _time.DayOf(instant);

    /// <summary>The instant the tenant's clock reads exactly this: <see cref="TenantTime.ExactlyAt"/>.</summary>
    public DateTimeOffset? AtLocal(DateOnly date, TimeOnly time) => _time.ExactlyAt(date, time);

    /// <summary>Free starts in [<paramref name="from"/>, <paramref name="to"/>), ascending, with the tenant's offset.</summary>
    public IReadOnlyList<DateTimeOffset> FreeSlots(AvailabilityQuery query, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(query);
        return [.. EnumerateFree(query, from.UtcTicks, to.UtcTicks).Select(s => s.ToDateTimeOffset())];
    }

    /// <summary>Free starts on one local date of the tenant, ascending.</summary>
    public IReadOnlyList<DateTimeOffset> FreeSlotsOn(AvailabilityQuery query, DateOnly localDate)
    {
        ArgumentNullException.ThrowIfNull(query);
        var from = _calendar.StartOfDay(localDate);
        var to = _calendar.StartOfDay(localDate.AddDays(1));
        return [.. EnumerateFree(query, from, to).Select(s => s.ToDateTimeOffset())];
    }

    /// <summary>Whether <paramref name="start"/> can be booked; if not, the first reason in <see cref="SlotStatus"/> order.</summary>
    public SlotStatus CheckSlot(AvailabilityQuery query, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(query);
        var begin = start.UtcTicks;
        var (earliest, latest) = BookableRange(query);
        if (begin < earliest)
        {
            return SlotStatus.TooSoon;
        }

        if (begin > latest)
        {
            return SlotStatus.BeyondHorizon;
        }

        var duration = DurationTicks(query.Service);
        var status = _calendar.Check(begin, duration);
        if (status != SlotStatus.Free)
        {
            return status;
        }

        var end = begin + duration;
        if (BlockedTimeline.FromBusy(query.BusyIntervals, begin, end).Overlaps(begin, end))
        {
            return SlotStatus.CalendarBusy;
        }

        var full = BlockedTimeline.FromCapacity(query.Appointments, query.Service.Name, query.Service.Capacity, begin, end);
        return full.Overlaps(begin, end) ? SlotStatus.Full : SlotStatus.Free;
    }

    /// <summary><see cref="CheckSlot"/> as a yes/no with the reason.</summary>
    public bool IsSlotFree(AvailabilityQuery query, DateTimeOffset start, out SlotStatus status)
    {
        status = CheckSlot(query, start);
        return status == SlotStatus.Free;
    }

    /// <summary>
    /// Up to <paramref name="count"/> free starts to offer instead of <paramref name="requested"/> (never the requested start itself):
    /// first those on the same local day, nearest first (earlier wins a tie), then the following days in order, up to the horizon.
    /// </summary>
    public IReadOnlyList<DateTimeOffset> NearestAlternatives(AvailabilityQuery query, DateTimeOffset requested, int count)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (count <= 0)
        {
            return [];
        }

        var target = requested.UtcTicks;
        var day = DateOnly.FromDateTime(_time.WallClockAt(target));
        var nextDay = _calendar.StartOfDay(day.AddDays(1));
        var sameDay = EnumerateFree(query, _calendar.StartOfDay(day), nextDay)
            .Where(s => s.Utc != target)
            .OrderBy(s => Math.Abs(s.Utc - target))
            .ThenBy(s => s.Utc)
            .Take(count);
        var result = new List<LocalSlot>(sameDay);
        if (result.Count < count)
        {
            var (_, latest) = BookableRange(query);
            result.AddRange(EnumerateFree(query, nextDay, latest + 1).Take(count - result.Count));
        }

        return [.. result.Select(s => s.ToDateTimeOffset())];
    }

    /// <summary>Free starts in [from, to) (UTC ticks), ascending; lazy per local day.</summary>
    private IEnumerable<LocalSlot> EnumerateFree(AvailabilityQuery query, long from, long to)
    {
        var (earliest, latest) = BookableRange(query);
        var windowStart = Math.Max(from, earliest);
        var windowEnd = Math.Min(to, latest + 1);
        if (windowEnd <= windowStart)
        {
            yield break;
        }

        var duration = DurationTicks(query.Service);
        var blocked = BlockedTimeline.Union(
            BlockedTimeline.FromBusy(query.BusyIntervals, windowStart, windowEnd + duration),
            BlockedTimeline.FromCapacity(query.Appointments, query.Service.Name, query.Service.Capacity, windowStart, windowEnd + duration));
        var cursor = blocked.CreateCursor();

        var lastDay = DateOnly.FromDateTime(_time.WallClockAt(windowEnd - 1));
        var candidates = new List<LocalSlot>(64);
        for (var day = DateOnly.FromDateTime(_time.WallClockAt(windowStart)); day <= lastDay; day = day.AddDays(1))
        {
            candidates.Clear();
            _calendar.AddCandidates(day, duration, candidates);
            foreach (var slot in candidates)
            {
                if (slot.Utc < windowStart)
                {
                    continue;
                }

                if (slot.Utc >= windowEnd)
                {
                    yield break;
                }

                if (!cursor.Overlaps(slot.Utc, slot.Utc + duration))
                {
                    yield return slot;
                }
            }
        }
    }

    /// <summary>The earliest and latest bookable start instants (UTC ticks, inclusive) for the query's clock.</summary>
    private (long Earliest, long Latest) BookableRange(AvailabilityQuery query)
    {
        var now = query.Now.UtcTicks;
        return (now + Policy.MinimumLeadTime.Ticks, now + Policy.BookingHorizon.Ticks);
    }

    private static long DurationTicks(ServiceOffering service)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(service.DurationMinutes, 1, nameof(service));
        return service.DurationMinutes * TimeSpan.TicksPerMinute;
    }
}
