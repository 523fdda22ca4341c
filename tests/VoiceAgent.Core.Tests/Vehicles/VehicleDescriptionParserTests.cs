using VoiceAgent.Core.Vehicles;

namespace VoiceAgent.Core.Tests.Vehicles;

public sealed class VehicleDescriptionParserTests
{
    private const int LatestModelYear = 2027;

    [Theory]
    [InlineData("a 2018 ford f150", 2018, "Ford", "F-150")]
    [InlineData("a 2018 Ford F-150", 2018, "Ford", "F-150")]
    [InlineData("it's a honda civic, 2019", 2019, "Honda", "Civic")]
    [InlineData("twenty nineteen toyota camry", 2019, "Toyota", "Camry")]
    [InlineData("a toyota camry twenty nineteen", 2019, "Toyota", "Camry")]
    [InlineData("two thousand and eight vw jetta", 2008, "Volkswagen", "Jetta")]
    [InlineData("nineteen ninety eight chevy silverado", 1998, "Chevrolet", "Silverado")]
    [InlineData("it's a twenty oh five jeep grand cherokee", 2005, "Jeep", "Grand Cherokee")]
    [InlineData("a twenty twenty one hyundai santa fe", 2021, "Hyundai", "Santa Fe")]
    [InlineData("the year is 2014 and it's a nissan altima", 2014, "Nissan", "Altima")]
    [InlineData("my '08 honda cr-v", 2008, "Honda", "CR-V")]
    [InlineData("Tesla model three, 2022", 2022, "Tesla", "Model 3")]
    [InlineData("a 2020 ram 1500", 2020, "Ram", "1500")]
    [InlineData("2017 toyota rav 4", 2017, "Toyota", "RAV4")]
    public void Parse_YearMakeAndModel_ReadsAllThree(string utterance, int year, string make, string model)
    {
        Assert.Equal(new VehicleMention(year, make, model), VehicleDescriptionParser.Parse(utterance, LatestModelYear));
    }

    [Theory]
    [InlineData("a chevy malibu", "Chevrolet", "Malibu")]
    [InlineData("it's a Mercedes Benz C class", "Mercedes-Benz", "C-Class")]
    [InlineData("a b m w x5", "BMW", "X5")]
    [InlineData("an infinity q50", "Infiniti", "Q50")]
    [InlineData("a ford focus", "Ford", "Focus")]
    [InlineData("a ford f150 xlt", "Ford", "F-150 XLT")]
    [InlineData("a dodge ram 1500", "Dodge", "Ram 1500")]
    [InlineData("a subaru baja", "Subaru", "Baja")]
    public void Parse_SpokenMakeForms_SpellsMakeAndModelAsTheMakerDoes(string utterance, string make, string model)
    {
        var mention = VehicleDescriptionParser.Parse(utterance, LatestModelYear);

        Assert.Equal(new VehicleMention(null, make, model), mention);
    }

    [Theory]
    [InlineData("a 2019 civic", 2019, "Honda", "Civic")]
    [InlineData("my 05 silverado", 2005, "Chevrolet", "Silverado")]
    [InlineData("it's an f 150", null, "Ford", "F-150")]
    [InlineData("the 4runner", null, "Toyota", "4Runner")]
    public void Parse_ListedModelAlone_NamesItsMake(string utterance, int? year, string make, string model)
    {
        Assert.Equal(new VehicleMention(year, make, model), VehicleDescriptionParser.Parse(utterance, LatestModelYear));
    }

    [Theory]
    [InlineData("it's a Ford. Not sure of the model.")]
    [InlineData("a ford truck")]
    [InlineData("the ford one")]
    public void Parse_MakeWithoutModel_LeavesModelUnknown(string utterance)
    {
        Assert.Equal(new VehicleMention(null, "Ford", null), VehicleDescriptionParser.Parse(utterance, LatestModelYear));
    }

    [Theory]
    [InlineData("my soul is tired")]
    [InlineData("that's on the edge of town")]
    public void Parse_ModelThatIsAnEverydayWord_NamesNoMakeAlone(string utterance)
    {
        Assert.Null(VehicleDescriptionParser.Parse(utterance, LatestModelYear));
    }

    [Fact]
    public void Parse_YearAfterTheLatestModelYear_IsNotAYear()
    {
        Assert.Equal(new VehicleMention(null, "Honda", "Civic"), VehicleDescriptionParser.Parse("a 2030 honda civic", LatestModelYear));
    }

    [Fact]
    public void Parse_YearAlone_KeepsJustTheYear()
    {
        var mention = VehicleDescriptionParser.Parse("the 2015", LatestModelYear);

        Assert.Equal(new VehicleMention(2015, null, null), mention);
        Assert.Null(mention!.ToVehicle());
    }

    [Fact]
    public void Parse_MiniVan_IsNotAMini()
    {
        Assert.Equal(new VehicleMention(2017, null, null), VehicleDescriptionParser.Parse("a 2017 mini van", LatestModelYear));
    }

    [Theory]
    [InlineData("i don't know")]
    [InlineData("no idea")]
    [InlineData("not sure")]
    [InlineData("no")]
    [InlineData("")]
    [InlineData("one h g c m eight two six three three a zero zero four three five two")]
    [InlineData("1HGCM82633A004352")]
    public void Parse_NoCarNamed_ReturnsNull(string utterance)
    {
        Assert.Null(VehicleDescriptionParser.Parse(utterance, LatestModelYear));
    }

    [Fact]
    public void ToVehicle_MakeAndModel_KeepsYearMakeAndModel()
    {
        var vehicle = new VehicleMention(2018, "Ford", "F-150").ToVehicle();

        Assert.Equal(new Core.Customers.Vehicle(2018, "Ford", "F-150"), vehicle);
    }
}
