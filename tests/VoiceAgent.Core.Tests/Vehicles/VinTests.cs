using VoiceAgent.Core.Vehicles;

namespace VoiceAgent.Core.Tests.Vehicles;

public sealed class VinTests
{
    /// <summary>protocols.md §9.4: every vector there, verified against 49 CFR 565.15.</summary>
    [Theory]
    [InlineData("1M8GDM9AXKP042788", 'X')]
    [InlineData("1B3BR65EXSV201546", 'X')]
    [InlineData("1HGCM82633A004352", '3')]
    [InlineData("JH2RC3605MM101581", '5')]
    [InlineData("1J9RP1A36A1644345", '6')]
    [InlineData("1G4AH59H45G118341", '4')]
    [InlineData("11111111111111111", '1')]
    [InlineData("WUAAU34248N006164", '4')]
    public void TryParse_ProtocolVector_AcceptsWithValidCheckDigit(string raw, char checkDigit)
    {
        Assert.True(Vin.TryParse(raw, out var vin, out var problem));
        Assert.Equal(VinProblem.None, problem);
        Assert.Equal(raw, vin.Value);
        Assert.Equal(checkDigit, vin.ExpectedCheckDigit);
        Assert.True(vin.HasValidCheckDigit);
    }

    [Theory]
    [InlineData("1M8GDM9AXKP042788", 'X')]
    [InlineData("1G4AH59H45G118341", '4')]
    [InlineData("11111111111111111", '1')]
    public void ComputeCheckDigit_ProtocolVector_MatchesPosition9(string raw, char expected)
    {
        Assert.Equal(expected, Vin.ComputeCheckDigit(raw));
    }

    [Fact]
    public void ComputeCheckDigit_IgnoresWhatPosition9Holds()
    {
        Assert.Equal('3', Vin.ComputeCheckDigit("1HGCM826X3A004352"));
    }

    [Theory]
    [InlineData("1HGCM82643A004352")] // check digit 4 instead of 3
    [InlineData("1HGCM82633A004353")] // last digit changed
    [InlineData("1B3BR65E0SV201546")] // X replaced by 0
    [InlineData("2HGCM82633A004352")] // first character changed
    public void TryParse_WrongCheckDigitWhenRequired_ReportsMismatch(string raw)
    {
        Assert.False(Vin.TryParse(raw, out var vin, out var problem));
        Assert.Equal(VinProblem.CheckDigitMismatch, problem);
        Assert.Equal(default, vin);
    }

    [Fact]
    public void TryParse_WrongCheckDigitWhenReported_AcceptsAndSaysItIsInvalid()
    {
        Assert.True(Vin.TryParse("1HGCM82643A004352", VinCheckDigitPolicy.Reported, out var vin, out var problem));
        Assert.Equal(VinProblem.None, problem);
        Assert.False(vin.HasValidCheckDigit);
        Assert.Equal('4', vin.CheckDigit);
        Assert.Equal('3', vin.ExpectedCheckDigit);
    }

    [Theory]
    [InlineData("1HGCM82633A00435")]
    [InlineData("1HGCM82633A0043521")]
    [InlineData("1HGCM")]
    public void TryParse_NotSeventeenCharacters_ReportsWrongLength(string raw)
    {
        Assert.False(Vin.TryParse(raw, VinCheckDigitPolicy.Reported, out _, out var problem));
        Assert.Equal(VinProblem.WrongLength, problem);
    }

    [Theory]
    [InlineData("1HGCM82633AOO4352")]
    [InlineData("IHGCM82633A004352")]
    [InlineData("1HGCM82633A00435Q")]
    public void TryParse_ContainsIOrOOrQ_ReportsForbiddenLetter(string raw)
    {
        Assert.False(Vin.TryParse(raw, VinCheckDigitPolicy.Reported, out _, out var problem));
        Assert.Equal(VinProblem.ForbiddenLetter, problem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" - - ")]
    public void TryParse_NothingGiven_ReportsEmpty(string? raw)
    {
        Assert.False(Vin.TryParse(raw, out _, out var problem));
        Assert.Equal(VinProblem.Empty, problem);
    }

    [Theory]
    [InlineData("1HGCM82633A00435#")]
    [InlineData("one h g c m eight two six three three a zero zero four three five two please!")]
    public void TryParse_PunctuationInsideAWord_ReportsUnrecognisedWord(string raw)
    {
        Assert.False(Vin.TryParse(raw, out _, out var problem));
        Assert.Equal(VinProblem.UnrecognisedWord, problem);
    }

    [Theory]
    [InlineData("1hgcm82633a004352")]
    [InlineData("  1HGCM82633A004352  ")]
    [InlineData("1HG-CM826-33A004352")]
    [InlineData("1HG CM8 2633 A004352")]
    [InlineData("1 H G C M 8 2 6 3 3 A 0 0 4 3 5 2")]
    [InlineData("one h g c m eight two six three three a zero zero four three five two")]
    [InlineData("One H G C M eight two six three three A oh oh four three five two.")]
    [InlineData("1 H G C M 8 2 6 3 3 A O O 4 3 5 2")]
    [InlineData("one hotel golf charlie mike eight two six three three alpha double zero four three five two")]
    [InlineData("My VIN is 1HGCM82633A004352")]
    [InlineData("uh, 1HGCM8, 2633A, 004352")]
    public void TryParse_TypedOrSpokenForms_NormaliseToTheSameVin(string raw)
    {
        Assert.True(Vin.TryParse(raw, out var vin, out var problem), problem.ToString());
        Assert.Equal("1HGCM82633A004352", vin.Value);
    }

    [Fact]
    public void TryParse_LetterNamesHomophonesAndAsIn_AreRead()
    {
        const string Spoken = "J as in Juliet aitch two are see three six oh five double m one oh one five ate one";

        Assert.True(Vin.TryParse(Spoken, out var vin, out var problem), problem.ToString());
        Assert.Equal("JH2RC3605MM101581", vin.Value);
    }

    [Fact]
    public void TryParse_DoubleU_IsW()
    {
        Assert.True(Vin.TryParse("double u you a a you three four two four eight en zero zero six one six four", out var vin, out var problem), problem.ToString());
        Assert.Equal("WUAAU34248N006164", vin.Value);
    }

    [Fact]
    public void TryParse_Triple_RepeatsThreeTimes()
    {
        Assert.True(Vin.TryParse("triple one triple one triple one triple one triple one one one", out var vin, out var problem), problem.ToString());
        Assert.Equal("11111111111111111", vin.Value);
    }

    [Fact]
    public void TryParse_LoneOInsideOneWord_IsStillForbidden()
    {
        Assert.False(Vin.TryParse("1HGCM82633AO04352", out _, out var problem));
        Assert.Equal(VinProblem.ForbiddenLetter, problem);
    }

    [Fact]
    public void Masked_HidesTheSerialNumber()
    {
        Assert.Equal("1HGCM82633A******", Vin.Parse("1HGCM82633A004352").Masked);
    }

    [Fact]
    public void Parts_ReadTheRightPositions()
    {
        var vin = Vin.Parse("1B3BR65EXSV201546");

        Assert.Equal("1B3", vin.Wmi);
        Assert.Equal('X', vin.CheckDigit);
        Assert.Equal('S', vin.ModelYearCode);
        Assert.Equal('5', vin.Position7);
    }

    [Fact]
    public void Default_IsEmptyAndInvalid()
    {
        var vin = default(Vin);

        Assert.Equal(string.Empty, vin.Value);
        Assert.False(vin.HasValidCheckDigit);
        Assert.Equal(string.Empty, vin.Masked);
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => Vin.Parse("1HGCM82643A004352"));
    }
}
