namespace VoiceAgent.Core.Scheduling;

/// <summary>
/// Sorted, disjoint half-open intervals (UTC ticks) during which a service cannot take another appointment.
/// Built once per query by sorting and sweeping, so checking every slot of a 60-day horizon costs
/// O(n log n) for n appointments plus O(slots), instead of scanning every appointment for every slot.
/// </summary>
internal sealed class BlockedTimeline
{
    private readonly long[] _starts;
    private readonly long[] _ends;

    private BlockedTimeline(long[] starts, long[] ends)
    {
        _starts = starts;
        _ends = ends;
    }

    public int Count => _starts.Length;

    public static BlockedTimeline Empty { get; } = new([], []);

    /// <summary>Calendar busy intervals overlapping [<paramref name="rangeStart"/>, <paramref name="rangeEnd"/>), merged.</summary>
    public static BlockedTimeline FromBusy(IReadOnlyList<BusyInterval> busy, long rangeStart, long rangeEnd)
    {
        var starts = new List<long>();
        var ends = new List<long>();
        foreach (var interval in busy)
        {
            var start = interval.Start.UtcTicks;
            var end = interval.End.UtcTicks;
            if (end > start && start < rangeEnd && end > rangeStart)
            {
                starts.Add(start);
                ends.Add(end);
            }
        }

        var startArray = starts.ToArray();
        var endArray = ends.ToArray();
        Array.Sort(startArray, endArray);
        return Merge(startArray, endArray);
    }

    /// <summary>
    /// Times within the range when <paramref name="capacity"/> or more appointments of <paramref name="serviceName"/> overlap.
    /// </summary>
    public static BlockedTimeline FromCapacity(
        IReadOnlyList<ExistingAppointment> appointments, string serviceName, int capacity, long rangeStart, long rangeEnd)
    {
        if (capacity < 1)
        {
            return rangeEnd > rangeStart ? new([rangeStart], [rangeEnd]) : Empty;
        }

        var starts = new List<long>();
        var ends = new List<long>();
        foreach (var appointment in appointments)
        {
            var start = appointment.Start.UtcTicks;
            var end = appointment.End.UtcTicks;
            if (end > start && start < rangeEnd && end > rangeStart
                && string.Equals(appointment.ServiceName, serviceName, StringComparison.OrdinalIgnoreCase))
            {
                starts.Add(start);
                ends.Add(end);
            }
        }

        if (starts.Count < capacity)
        {
            return Empty;
        }

        var startArray = starts.ToArray();
        var endArray = ends.ToArray();
        Array.Sort(startArray);
        Array.Sort(endArray);

        var fullStarts = new List<long>();
        var fullEnds = new List<long>();
        int i = 0, j = 0, open = 0;
        long fullSince = 0;
        while (i < startArray.Length)
        {
            // Half-open intervals: at equal ticks an appointment ending frees its place before the next one starts.
            if (endArray[j] <= startArray[i])
            {
                if (open-- == capacity && endArray[j] > fullSince)
                {
                    fullStarts.Add(fullSince);
                    fullEnds.Add(endArray[j]);
                }

                j++;
            }
            else
            {
                if (++open == capacity)
                {
                    fullSince = startArray[i];
                }

                i++;
            }
        }

        for (; j < endArray.Length; j++)
        {
            if (open-- == capacity && endArray[j] > fullSince)
            {
                fullStarts.Add(fullSince);
                fullEnds.Add(endArray[j]);
            }
        }

        return Merge([.. fullStarts], [.. fullEnds]);
    }

    public static BlockedTimeline Union(BlockedTimeline first, BlockedTimeline second)
    {
        if (first.Count == 0)
        {
            return second;
        }

        if (second.Count == 0)
        {
            return first;
        }

        long[] starts = [.. first._starts, .. second._starts];
        long[] ends = [.. first._ends, .. second._ends];
        Array.Sort(starts, ends);
        return Merge(starts, ends);
    }

    /// <summary>Whether any blocked interval overlaps [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public bool Overlaps(long start, long end)
    {
        // First interval whose end is after start; the intervals are disjoint, so ends are sorted too.
        var index = Array.BinarySearch(_ends, start);
        index = index < 0 ? ~index : index + 1;
        return index < _starts.Length && _starts[index] < end;
    }

    /// <summary>A forward-only reader for checking slots in ascending order in amortised O(1) each.</summary>
    public Cursor CreateCursor() => new(this);

    /// <summary>Sorted by start in, sorted disjoint out (touching intervals join).</summary>
    private static BlockedTimeline Merge(long[] starts, long[] ends)
    {
        if (starts.Length == 0)
        {
            return Empty;
        }

        var count = 0;
        for (var k = 0; k < starts.Length; k++)
        {
            if (count > 0 && starts[k] <= ends[count - 1])
            {
                ends[count - 1] = Math.Max(ends[count - 1], ends[k]);
            }
            else
            {
                starts[count] = starts[k];
                ends[count] = ends[k];
                count++;
            }
        }

        return new(starts[..count], ends[..count]);
    }

    internal sealed class Cursor(BlockedTimeline timeline)
    {
        private int _index;

        /// <summary>Whether [start, end) overlaps a blocked interval; <paramref name="start"/> must not decrease between calls.</summary>
        public bool Overlaps(long start, long end)
        {
            var ends = timeline._ends;
            while (_index < ends.Length && ends[_index] <= start)
            {
                _index++;
            }

            return _index < ends.Length && timeline._starts[_index] < end;
        }
    }
}
