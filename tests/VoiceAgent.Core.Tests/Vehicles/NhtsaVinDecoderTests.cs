using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VoiceAgent.Core.Vehicles;

namespace VoiceAgent.Core.Tests.Vehicles;

/// <summary>Our real client, registered by <c>AddVehicles</c>, against a local server speaking vPIC's JSON.</summary>
public sealed class NhtsaVinDecoderTests : IAsyncLifetime
{
    private const string Accord = "1HGCM82633A004352";
    private const string Viper = "1B3BR65EXSV201546";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));
    private FakeVpicServer _vpic = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _vpic = await FakeVpicServer.StartAsync();
        _vpic.Json(Accord, VpicSamples.HondaAccord2003);
        _vpic.Json(Viper, VpicSamples.DodgeViper1995);
        _services = Services(_vpic.BaseUrl.ToString());
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _vpic.DisposeAsync();
    }

    [Fact]
    public void AddVehicles_Enabled_RegistersTheNhtsaDecoder()
    {
        Assert.IsType<NhtsaVinDecoder>(_services.GetRequiredService<IVinDecoder>());
    }

    [Fact]
    public async Task DecodeAsync_CleanDecode_GivesMakeModelYearFromVpic()
    {
        var decoding = await Decoder.DecodeAsync(Vin.Parse(Accord));

        Assert.Equal(VinDecodingSource.Nhtsa, decoding.Source);
        Assert.Equal("Honda", decoding.Make);
        Assert.Equal("Accord", decoding.Model);
        Assert.Equal(2003, decoding.Year);
        Assert.True(decoding.CheckDigitValid);
        Assert.Empty(decoding.Notes);
        Assert.Equal("2003 Honda Accord", decoding.Describe());
    }

    [Fact]
    public async Task DecodeAsync_SendsTheDocumentedRequest()
    {
        await Decoder.DecodeAsync(Vin.Parse(Viper), modelYear: 1995);

        Assert.Equal($"/api/vehicles/DecodeVinValues/{Viper}?format=json&modelyear=1995", Assert.Single(_vpic.Requests));
    }

    [Fact]
    public async Task DecodeAsync_CheckDigitError_KeepsThePartialDecodeAndSaysWhy()
    {
        const string BadCheckDigit = "1HGCM82643A004352";
        _vpic.Json(BadCheckDigit, VpicSamples.HondaAccordBadCheckDigit);

        var decoding = await Decoder.DecodeAsync(Vin.Parse(BadCheckDigit, VinCheckDigitPolicy.Reported));

        Assert.Equal(VinDecodingSource.Nhtsa, decoding.Source);
        Assert.Equal("Accord", decoding.Model);
        Assert.False(decoding.CheckDigitValid);
        Assert.Contains(decoding.Notes, n => n.Contains("Check Digit (9th position) does not calculate properly", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DecodeAsync_VpicKnowsNothing_FillsMakeAndYearOffline()
    {
        var vin = OfflineVinDecoderTests.VinWith("5YJ", position7: 'E', yearCode: 'K');

        var decoding = await Decoder.DecodeAsync(vin);

        Assert.Equal(VinDecodingSource.Nhtsa, decoding.Source);
        Assert.Equal("Tesla", decoding.Make);
        Assert.Equal(2019, decoding.Year);
        Assert.Null(decoding.Model);
        Assert.Contains(decoding.Notes, n => n.Contains("No detailed data", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DecodeAsync_SecondCall_IsServedFromTheCache()
    {
        var first = await Decoder.DecodeAsync(Vin.Parse(Accord));
        var second = await Decoder.DecodeAsync(Vin.Parse(Accord));

        Assert.Equal(1, _vpic.RequestsFor(Accord));
        Assert.Same(first, second);
    }

    [Fact]
    public async Task DecodeAsync_AfterCacheHours_AsksAgain()
    {
        await Decoder.DecodeAsync(Vin.Parse(Accord));
        _time.Advance(TimeSpan.FromHours(23));
        await Decoder.DecodeAsync(Vin.Parse(Accord));
        _time.Advance(TimeSpan.FromHours(1));
        await Decoder.DecodeAsync(Vin.Parse(Accord));

        Assert.Equal(2, _vpic.RequestsFor(Accord));
    }

    [Fact]
    public async Task DecodeAsync_DifferentModelYear_IsADifferentCacheEntry()
    {
        await Decoder.DecodeAsync(Vin.Parse(Accord));
        await Decoder.DecodeAsync(Vin.Parse(Accord), modelYear: 2003);

        Assert.Equal(2, _vpic.RequestsFor(Accord));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(429)]
    public async Task DecodeAsync_HttpError_FallsBackOffline(int status)
    {
        _vpic.Status(Accord, status);

        var decoding = await Decoder.DecodeAsync(Vin.Parse(Accord));

        Assert.Equal(VinDecodingSource.Offline, decoding.Source);
        Assert.Equal("Honda", decoding.Make);
        Assert.Equal(2003, decoding.Year);
        Assert.Contains(decoding.Notes, n => n.Contains($"HTTP {status}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DecodeAsync_Fallback_IsNotCached()
    {
        _vpic.Status(Accord, 500);
        await Decoder.DecodeAsync(Vin.Parse(Accord));
        _vpic.Json(Accord, VpicSamples.HondaAccord2003);

        var decoding = await Decoder.DecodeAsync(Vin.Parse(Accord));

        Assert.Equal(VinDecodingSource.Nhtsa, decoding.Source);
        Assert.Equal(2, _vpic.RequestsFor(Accord));
    }

    [Fact]
    public async Task DecodeAsync_NoAnswerWithinTimeout_FallsBackOffline()
    {
        _vpic.Hang(Viper);

        var pending = Decoder.DecodeAsync(Vin.Parse(Viper));
        await _vpic.HangingRequestArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        _time.Advance(TimeSpan.FromSeconds(3));
        var decoding = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(VinDecodingSource.Offline, decoding.Source);
        Assert.Equal("Dodge", decoding.Make);
        Assert.Equal(1995, decoding.Year);
        Assert.Contains(decoding.Notes, n => n.Contains("timeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DecodeAsync_BodyIsNotJson_FallsBackOffline()
    {
        _vpic.Json(Accord, "<html>maintenance</html>");

        var decoding = await Decoder.DecodeAsync(Vin.Parse(Accord));

        Assert.Equal(VinDecodingSource.Offline, decoding.Source);
        Assert.Equal("Honda", decoding.Make);
    }

    [Fact]
    public async Task DecodeAsync_NoResults_FallsBackOffline()
    {
        _vpic.Json(Accord, """{"Count":0,"Message":"No results","SearchCriteria":"VIN:1HGCM82633A004352","Results":[]}""");

        var decoding = await Decoder.DecodeAsync(Vin.Parse(Accord));

        Assert.Equal(VinDecodingSource.Offline, decoding.Source);
    }

    [Fact]
    public async Task DecodeAsync_NothingListening_FallsBackOffline()
    {
        await using var services = Services($"http://127.0.0.1:{ClosedPort()}/api");

        var decoding = await services.GetRequiredService<IVinDecoder>().DecodeAsync(Vin.Parse(Accord));

        Assert.Equal(VinDecodingSource.Offline, decoding.Source);
        Assert.Equal(2003, decoding.Year);
    }

    [Fact]
    public async Task DecodeAsync_CallerCancels_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Decoder.DecodeAsync(Vin.Parse(Accord), cancellationToken: cancelled.Token));
    }

    private IVinDecoder Decoder => _services.GetRequiredService<IVinDecoder>();

    private ServiceProvider Services(string baseUrl)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Nhtsa:Enabled"] = "true",
            ["Nhtsa:BaseUrl"] = baseUrl,
            ["Nhtsa:TimeoutSeconds"] = "3",
            ["Nhtsa:CacheHours"] = "24",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(_time);
        services.AddVehicles(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
