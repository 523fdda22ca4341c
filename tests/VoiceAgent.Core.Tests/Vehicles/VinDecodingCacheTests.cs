using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VoiceAgent.Core.Vehicles;

namespace VoiceAgent.Core.Tests.Vehicles;

public sealed class VinDecodingCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryGet_BeforeAndAfterExpiry_HitsThenMisses()
    {
        var cache = Cache(new NhtsaOptions { CacheHours = 1 });
        var vin = Vin.Parse("1HGCM82633A004352");
        cache.Set(vin, null, Decoding(vin));

        Assert.True(cache.TryGet(vin, null, out _));
        _time.Advance(TimeSpan.FromHours(1));
        Assert.False(cache.TryGet(vin, null, out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Set_CacheHoursZero_KeepsNothing()
    {
        var cache = Cache(new NhtsaOptions { CacheHours = 0 });
        var vin = Vin.Parse("1HGCM82633A004352");

        cache.Set(vin, null, Decoding(vin));

        Assert.False(cache.TryGet(vin, null, out _));
    }

    [Fact]
    public void Set_AtCapacity_NeverGrowsPastIt()
    {
        var cache = Cache(new NhtsaOptions { CacheHours = 1, CacheCapacity = 2 });
        foreach (var raw in new[] { "1HGCM82633A004352", "1B3BR65EXSV201546", "1G4AH59H45G118341" })
        {
            var vin = Vin.Parse(raw);
            cache.Set(vin, null, Decoding(vin));
        }

        Assert.InRange(cache.Count, 1, 2);
        Assert.True(cache.TryGet(Vin.Parse("1G4AH59H45G118341"), null, out _));
    }

    private VinDecodingCache Cache(NhtsaOptions options) => new(_time, Options.Create(options));

    private static VinDecoding Decoding(Vin vin) => new(vin, "Honda", "Accord", 2003, VinDecodingSource.Nhtsa, true, []);
}
