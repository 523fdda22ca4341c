using BenchmarkDotNet.Attributes;
using VoiceAgent.Core.Scheduling;
using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Benchmarks;

/// <summary>
/// Availability for the demo tenant over its whole 60-day horizon, with a book of N existing appointments spread over
/// the horizon's opening hours and all five services (oil change, capacity 2, is the one asked about).
/// Not sealed: BenchmarkDotNet derives its runner from this class.
/// </summary>
[MemoryDiagnoser]
public class AvailabilityBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 15, 0, TimeSpan.FromHours(-6));

    private readonly AvailabilityCalculator _calculator = new(DemoTenant.Profile, BookingPolicy.Default);
    private AvailabilityQuery _query = null!;
    private DateTimeOffset[] _candidates = [];
    private DateTimeOffset _requested;

    [Params(0, 500, 1_000, 2_000, 5_000)]
    public int Appointments { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var service = DemoTenant.Profile.Services.Single(s => s.Name == "oil change");
        var emptyBook = new AvailabilityQuery(service, Now);
        // Every start the hours allow; the book is drawn from these so it lands where it matters.
        var allStarts = _calculator.FreeSlots(emptyBook, DateTimeOffset.MinValue, DateTimeOffset.MaxValue).ToArray();
        // Busy times and the requested start are drawn first, so every book size is asked the same question
        // (a requested start under a busy interval would skip the capacity check and flatter the larger books).
        var busy = Enumerable.Range(0, 20)
            .Select(_ => allStarts[random.Next(allStarts.Length)].ToUniversalTime())
            .Select(start => new BusyInterval(start, start.AddHours(2)))
            .ToArray();
        _requested = allStarts.Skip(allStarts.Length / 2).First(s => !busy.Any(b => b.Start < s.AddMinutes(service.DurationMinutes) && b.End > s));
        var services = DemoTenant.Profile.Services;
        var book = new ExistingAppointment[Appointments];
        for (var i = 0; i < book.Length; i++)
        {
            var booked = services[random.Next(services.Count)];
            var start = allStarts[random.Next(allStarts.Length)];
            book[i] = new ExistingAppointment(start.ToUniversalTime(), start.AddMinutes(booked.DurationMinutes).ToUniversalTime(), booked.Name);
        }

        _query = new AvailabilityQuery(service, Now) { Appointments = book, BusyIntervals = busy };
        _candidates = allStarts;
    }

    /// <summary>Every free start in the 60-day horizon: one sort-and-sweep over the book.</summary>
    [Benchmark(Baseline = true)]
    public int FreeSlots60Days() => _calculator.FreeSlots(_query, Now, Now.AddDays(60)).Count;

    /// <summary>One day, as the dialog asks for "tomorrow": the book is still filtered in full.</summary>
    [Benchmark]
    public int FreeSlotsOneDay() => _calculator.FreeSlotsOn(_query, new DateOnly(2026, 12, 15)).Count;

    /// <summary>The caller's one requested start.</summary>
    [Benchmark]
    public SlotStatus CheckSlot() => _calculator.CheckSlot(_query, _requested);

    /// <summary>Three starts to offer instead.</summary>
    [Benchmark]
    public int NearestAlternatives3() => _calculator.NearestAlternatives(_query, _requested, 3).Count;

    /// <summary>The naive way, for scale: check each start of the horizon on its own, scanning the whole book each time.</summary>
    [Benchmark]
    public int NaivePerSlotScan60Days()
    {
        var free = 0;
        foreach (var start in _candidates)
        {
            if (_calculator.CheckSlot(_query, start) == SlotStatus.Free)
            {
                free++;
            }
        }

        return free;
    }
}
