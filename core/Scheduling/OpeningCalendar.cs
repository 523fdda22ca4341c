using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Scheduling;

/// <summary>
/// The starts a tenant's hours, closures and slot grid allow, before lead time, horizon and the book are considered.
/// Hours are local wall-clock times: on a DST day the shop still opens at 08:00 local, a local time in the
/// spring-forward gap offers no slot, and a local time in the repeated fall-back hour offers one slot per occurrence.
/// Opening and closing times become instants by <see cref="TenantTime.WindowStart"/> and <see cref="TenantTime.WindowEnd"/>;
/// a closing time of 00:00 means midnight at the end of the day.
/// </summary>
internal sealed class OpeningCalendar
{
    private readonly TenantTime _time;
    private readonly HashSet<DateOnly> _closedDates;
    private readonly OpeningHours[][] _hoursByDay;
    private readonly long _gridTicks;
    private readonly bool _mustEndByClosing;

    public OpeningCalendar(TenantProfile tenant, BookingPolicy policy, TenantTime time)
    {
        _time = time;
        _closedDates = [.. tenant.ClosedDates];
        _hoursByDay = new OpeningHours[7][];
        for (var day = 0; day < 7; day++)
        {
            _hoursByDay[day] = [.. tenant.WeeklyHours.Where(h => (int)h.Day == day).OrderBy(h => h.Opens)];
        }

        _gridTicks = policy.SlotGridMinutes * TimeSpan.TicksPerMinute;
        _mustEndByClosing = policy.MustEndByClosing;
    }

    public bool IsClosed(DateOnly date) => _closedDates.Contains(date) || _hoursByDay[(int)date.DayOfWeek].Length == 0;

    /// <summary>Appends the grid starts of local <paramref name="date"/> that fit opening hours for a service of this length, ascending by instant.</summary>
    public void AddCandidates(DateOnly date, long durationTicks, List<LocalSlot> into)
    {
        if (IsClosed(date))
        {
            return;
        }

        var first = into.Count;
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        var uniformOffset = _time.UniformOffsetOn(date);
        Span<long> instants = stackalloc long[2];
        foreach (var hours in _hoursByDay[(int)date.DayOfWeek])
        {
            if (!TryGetWindow(date, hours, uniformOffset, out var window))
            {
                continue;
            }

            var firstGrid = (window.OpensWall + _gridTicks - 1) / _gridTicks * _gridTicks;
            for (var wall = firstGrid; wall < window.ClosesWall; wall += _gridTicks)
            {
                var wallTicks = midnight.Ticks + wall;
                int count;
                if (uniformOffset is { } offset)
                {
                    instants[0] = wallTicks - offset;
                    count = 1;
                }
                else
                {
                    count = _time.InstantsAt(midnight.AddTicks(wall), instants);
                }

                for (var k = 0; k < count; k++)
                {
                    if (Fits(window, instants[k], durationTicks))
                    {
                        into.Add(new LocalSlot(instants[k], wallTicks));
                    }
                }
            }
        }

        SortDistinct(into, first);
    }

    /// <summary>Why a start on the tenant's clock is not offered by hours and grid alone, or <see cref="SlotStatus.Free"/>.</summary>
    public SlotStatus Check(long start, long durationTicks)
    {
        var local = _time.WallClockAt(start);
        var date = DateOnly.FromDateTime(local);
        if (IsClosed(date))
        {
            return SlotStatus.ClosedDay;
        }

        var wall = local.TimeOfDay.Ticks;
        var withinHours = false;
        foreach (var hours in _hoursByDay[(int)date.DayOfWeek])
        {
            if (TryGetWindow(date, hours, uniformOffset: null, out var window) && wall >= window.OpensWall && wall < window.ClosesWall
                && Fits(window, start, durationTicks))
            {
                withinHours = true;
                break;
            }
        }

        if (!withinHours)
        {
            return SlotStatus.OutsideHours;
        }

        return wall % _gridTicks == 0 ? SlotStatus.Free : SlotStatus.NotOnGrid;
    }

    /// <summary><see cref="TenantTime.StartOfDay"/> in UTC ticks.</summary>
    public long StartOfDay(DateOnly date) => _time.WindowStartTicks(date.ToDateTime(TimeOnly.MinValue));

    private bool Fits(in DayWindow window, long start, long durationTicks) =>
        start >= window.Opens && (_mustEndByClosing ? start + durationTicks <= window.Closes : start < window.Closes);

    /// <param name="uniformOffset">The day's offset when it has no transition: skips zone lookups for times within the day.</param>
    private bool TryGetWindow(DateOnly date, OpeningHours hours, long? uniformOffset, out DayWindow window)
    {
        var opensWall = hours.Opens.Ticks;
        var closesWall = hours.Closes == TimeOnly.MinValue ? TimeSpan.TicksPerDay : hours.Closes.Ticks;
        if (closesWall <= opensWall)
        {
            window = default;
            return false;
        }

        var midnight = date.ToDateTime(TimeOnly.MinValue);
        var opens = uniformOffset is { } offset
            ? midnight.Ticks + opensWall - offset
            : _time.WindowStartTicks(midnight.AddTicks(opensWall));
        // Closing at 24:00 is the next day's midnight, which may itself be a transition.
        var closes = uniformOffset is { } sameOffset && closesWall < TimeSpan.TicksPerDay
            ? midnight.Ticks + closesWall - sameOffset
            : _time.WindowEndTicks(midnight.AddTicks(closesWall));
        window = new DayWindow(opensWall, closesWall, opens, closes);
        return true;
    }

    /// <summary>Orders one day's candidates by instant and drops repeats (overlapping ranges; the repeated fall-back hour).</summary>
    private static void SortDistinct(List<LocalSlot> list, int from)
    {
        var count = list.Count - from;
        var ascending = true;
        for (var k = from + 1; k < list.Count && ascending; k++)
        {
            ascending = list[k].Utc > list[k - 1].Utc;
        }

        if (ascending)
        {
            return;
        }

        list.Sort(from, count, Comparer<LocalSlot>.Create((a, b) => a.Utc.CompareTo(b.Utc)));
        var write = from + 1;
        for (var read = from + 1; read < list.Count; read++)
        {
            if (list[read].Utc != list[write - 1].Utc)
            {
                list[write++] = list[read];
            }
        }

        list.RemoveRange(write, list.Count - write);
    }

    /// <summary>One opening range of one day: wall-clock ticks since midnight and the matching UTC instants.</summary>
    private readonly record struct DayWindow(long OpensWall, long ClosesWall, long Opens, long Closes);
}
