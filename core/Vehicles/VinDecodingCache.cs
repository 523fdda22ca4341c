using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace VoiceAgent.Core.Vehicles;

/// <summary>vPIC answers by VIN (and requested model year), kept <see cref="NhtsaOptions.CacheHours"/> by the injected clock. Singleton.</summary>
public sealed class VinDecodingCache(TimeProvider timeProvider, IOptions<NhtsaOptions> options)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public bool TryGet(Vin vin, int? modelYear, out VinDecoding decoding)
    {
        var key = Key(vin, modelYear);
        if (_entries.TryGetValue(key, out var entry))
        {
            if (entry.ExpiresAt > timeProvider.GetUtcNow())
            {
                decoding = entry.Decoding;
                return true;
            }

            _entries.TryRemove(KeyValuePair.Create(key, entry));
        }

        decoding = null!;
        return false;
    }

    public void Set(Vin vin, int? modelYear, VinDecoding decoding)
    {
        var settings = options.Value;
        if (settings.CacheHours <= 0)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        if (_entries.Count >= settings.CacheCapacity)
        {
            foreach (var stale in _entries.Where(e => e.Value.ExpiresAt <= now))
            {
                _entries.TryRemove(stale);
            }

            if (_entries.Count >= settings.CacheCapacity)
            {
                _entries.Clear();
            }
        }

        _entries[Key(vin, modelYear)] = new Entry(decoding, now.AddHours(settings.CacheHours));
    }

    private static string Key(Vin vin, int? modelYear) => modelYear is { } year ? $"{vin.Value}|{year}" : vin.Value;

    private sealed record Entry(VinDecoding Decoding, DateTimeOffset ExpiresAt);
}
