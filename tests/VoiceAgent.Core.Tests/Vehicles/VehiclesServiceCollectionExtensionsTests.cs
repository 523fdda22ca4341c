using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoiceAgent.Core.Vehicles;

namespace VoiceAgent.Core.Tests.Vehicles;

public sealed class VehiclesServiceCollectionExtensionsTests
{
    [Fact]
    public void AddVehicles_NhtsaNotConfigured_RegistersTheOfflineDecoder()
    {
        using var services = Build(new Dictionary<string, string?>());

        Assert.IsType<OfflineVinDecoder>(services.GetRequiredService<IVinDecoder>());
    }

    [Fact]
    public void AddVehicles_NhtsaDisabled_RegistersTheOfflineDecoder()
    {
        using var services = Build(new Dictionary<string, string?> { ["Nhtsa:Enabled"] = "false" });

        Assert.IsType<OfflineVinDecoder>(services.GetRequiredService<IVinDecoder>());
    }

    [Fact]
    public void AddVehicles_Defaults_PointAtVpic()
    {
        using var services = Build(new Dictionary<string, string?>());

        var options = services.GetRequiredService<IOptions<NhtsaOptions>>().Value;

        Assert.Equal("https://vpic.nhtsa.dot.gov/api", options.BaseUrl.ToString().TrimEnd('/'));
        Assert.False(options.Enabled);
    }

    [Fact]
    public void AddVehicles_TimeoutOutOfRange_FailsValidation()
    {
        using var services = Build(new Dictionary<string, string?> { ["Nhtsa:Enabled"] = "true", ["Nhtsa:TimeoutSeconds"] = "0" });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<NhtsaOptions>>().Value);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddVehicles(configuration).BuildServiceProvider();
    }
}
