using VoiceAgent.Core.Vehicles;

namespace VoiceAgent.Core.Tests.Vehicles;

public sealed class WmiTableTests
{
    [Theory]
    [InlineData("HONDA", "Honda")]
    [InlineData("MERCEDES-BENZ", "Mercedes-Benz")]
    [InlineData("BMW", "BMW")]
    [InlineData("LAND ROVER", "Land Rover")]
    [InlineData("ASTON MARTIN", "Aston Martin")]
    public void SpellMake_VpicUpperCase_BecomesOurSpelling(string vpic, string expected)
    {
        Assert.Equal(expected, WmiTable.SpellMake(vpic));
    }

    [Theory]
    [InlineData("1HG", true)]
    [InlineData("2HG", true)]
    [InlineData("3VW", true)]
    [InlineData("5YJ", true)]
    [InlineData("7SA", true)]
    [InlineData("WBA", false)]
    [InlineData("JHM", false)]
    public void IsNorthAmerican_ByFirstCharacter(string wmi, bool expected)
    {
        Assert.Equal(expected, WmiTable.IsNorthAmerican(wmi));
    }
}
