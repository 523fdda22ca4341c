using Microsoft.Extensions.Time.Testing;
using VoiceAgent.Core.Vehicles;

namespace VoiceAgent.Core.Tests.Vehicles;

public sealed class OfflineVinDecoderTests
{
    private readonly OfflineVinDecoder _decoder = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("1HGCM82633A004352", "Honda", 2003)]
    [InlineData("1B3BR65EXSV201546", "Dodge", 1995)]
    [InlineData("5YJ3E1EA2KF317000", "Tesla", 2019)]
    [InlineData("5YJSA1E27HF000001", "Tesla", 2017)]
    [InlineData("1G4AH59H45G118341", "Buick", 2005)]
    [InlineData("WUAAU34248N006164", "Audi", 2008)]
    public void Decode_SampleVin_GivesMakeAndYear(string raw, string make, int year)
    {
        var decoding = _decoder.Decode(Vin.Parse(raw));

        Assert.Equal(make, decoding.Make);
        Assert.Equal(year, decoding.Year);
        Assert.Null(decoding.Model);
        Assert.Equal(VinDecodingSource.Offline, decoding.Source);
        Assert.True(decoding.CheckDigitValid);
    }

    [Theory]
    [InlineData("4T1", "Toyota")]
    [InlineData("JTD", "Toyota")]
    [InlineData("JTH", "Lexus")]
    [InlineData("1FT", "Ford")]
    [InlineData("1GC", "Chevrolet")]
    [InlineData("2G1", "Chevrolet")]
    [InlineData("2C3", "Chrysler")]
    [InlineData("JN1", "Nissan")]
    [InlineData("KMH", "Hyundai")]
    [InlineData("5XY", "Kia")]
    [InlineData("4S3", "Subaru")]
    [InlineData("3VW", "Volkswagen")]
    [InlineData("5UX", "BMW")]
    [InlineData("4JG", "Mercedes-Benz")]
    [InlineData("JM1", "Mazda")]
    [InlineData("1HD", "Harley-Davidson")]
    public void Decode_KnownWmi_GivesMake(string wmi, string make)
    {
        Assert.Equal(make, _decoder.Decode(VinWith(wmi, position7: '2', yearCode: '5')).Make);
    }

    [Fact]
    public void Decode_UnknownWmi_GivesNoMakeAndSaysSo()
    {
        var decoding = _decoder.Decode(VinWith("9XX", position7: '2', yearCode: '5'));

        Assert.Null(decoding.Make);
        Assert.Contains(decoding.Notes, n => n.Contains("9XX", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData('2', 'A', 1980)]
    [InlineData('2', 'H', 1987)]
    [InlineData('2', 'J', 1988)]
    [InlineData('2', 'P', 1993)]
    [InlineData('2', 'R', 1994)]
    [InlineData('2', 'V', 1997)]
    [InlineData('2', 'Y', 2000)]
    [InlineData('2', '1', 2001)]
    [InlineData('2', '9', 2009)]
    [InlineData('A', 'A', 2010)]
    [InlineData('A', 'L', 2020)]
    [InlineData('A', 'T', 2026)]
    [InlineData('A', 'V', 2027)]
    public void ModelYear_Position7DigitOrLetter_PicksTheCycle(char position7, char yearCode, int expected)
    {
        Assert.Equal(expected, _decoder.ModelYear(VinWith("1HG", position7, yearCode)));
    }

    [Fact]
    public void ModelYear_LetterAtPosition7ButFutureYear_ReadsTheEarlierCycle()
    {
        var decoding = _decoder.Decode(VinWith("1HG", position7: 'A', yearCode: '5'));

        Assert.Equal(2005, decoding.Year);
        Assert.Contains(decoding.Notes, n => n.Contains("2035", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData('0')]
    [InlineData('U')]
    [InlineData('Z')]
    public void ModelYear_CodeNoYearUses_IsUnknown(char yearCode)
    {
        Assert.Null(_decoder.ModelYear(VinWith("1HG", position7: '2', yearCode)));
    }

    [Fact]
    public void Decode_MotorcycleWithTwoPastReadings_LeavesTheYearToTheCaller()
    {
        var decoding = _decoder.Decode(Vin.Parse("JH2RC3605MM101581"));

        Assert.Equal("Honda", decoding.Make);
        Assert.Null(decoding.Year);
        Assert.Contains(decoding.Notes, n => n.Contains("1991 or 2021", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1991, 1991)]
    [InlineData(2021, 2021)]
    [InlineData(2005, null)]
    public void ModelYear_MotorcycleWithCallersYear_TakesTheMatchingReading(int said, int? expected)
    {
        Assert.Equal(expected, _decoder.ModelYear(Vin.Parse("JH2RC3605MM101581"), said));
    }

    [Fact]
    public void ModelYear_MotorcycleWithOneReadingInTheFuture_TakesThePastOne()
    {
        Assert.Equal(2007, _decoder.ModelYear(VinWith("1HD", position7: '4', yearCode: '7')));
    }

    [Fact]
    public void Decode_BadCheckDigit_IsFlaggedInResultAndNotes()
    {
        var decoding = _decoder.Decode(Vin.Parse("1HGCM82643A004352", VinCheckDigitPolicy.Reported));

        Assert.False(decoding.CheckDigitValid);
        Assert.Equal("Honda", decoding.Make);
        Assert.Contains(decoding.Notes, n => n.Contains("expected 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DecodeAsync_SameAsDecode()
    {
        var decoding = await _decoder.DecodeAsync(Vin.Parse("1HGCM82633A004352"));

        Assert.Equal("2003 Honda", decoding.Describe());
        Assert.Equal(new VoiceAgent.Core.Customers.Vehicle(2003, "Honda", string.Empty, "1HGCM82633A004352"), decoding.ToVehicle());
    }

    /// <summary>A VIN with a valid check digit built around a WMI, a position-7 character and a model-year code.</summary>
    internal static Vin VinWith(string wmi, char position7, char yearCode)
    {
        var draft = $"{wmi}AB1{position7}C0{yearCode}A123456";
        var vin = string.Concat(draft.AsSpan(0, 8), Vin.ComputeCheckDigit(draft).ToString(), draft.AsSpan(9));
        return Vin.Parse(vin);
    }
}
