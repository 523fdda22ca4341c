using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoiceAgent.WebPubSubHost.Vad;

namespace VoiceAgent.WebPubSubHost.Tests.Vad;

public sealed class VoiceActivityServiceCollectionExtensionsTests
{
    [Fact]
    public void AddVoiceActivity_ConfiguredSection_TrackersUseIt()
    {
        using var services = Services(new() { ["Voice:Activity:Mode"] = "EnergyGate", ["Voice:Activity:HangoverMilliseconds"] = "700" });

        using var tracker = services.GetRequiredService<VoiceActivityTrackerFactory>().Create();

        Assert.Null(tracker.Silero);
        Assert.Equal(700, services.GetRequiredService<IOptions<VoiceActivityOptions>>().Value.HangoverMilliseconds);
    }

    [Fact]
    public void AddVoiceActivity_DefaultMode_LoadsTheSileroModelFromTheBuildOutput()
    {
        using var services = Services([]);

        using var tracker = services.GetRequiredService<VoiceActivityTrackerFactory>().Create();

        Assert.NotNull(tracker.Silero);
    }

    [Fact]
    public void AddVoiceActivity_PostRollLongerThanHangover_FailsValidation()
    {
        using var services = Services(new() { ["Voice:Activity:HangoverMilliseconds"] = "300", ["Voice:Activity:PostRollMilliseconds"] = "400" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<VoiceActivityOptions>>().Value);
        Assert.Contains("PostRollMilliseconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingModel_SaysToRunNpmCi()
    {
        var error = Assert.Throws<FileNotFoundException>(() => SileroVadModel.Load(Path.Combine(Path.GetTempPath(), "no-such-model.onnx")));

        Assert.Contains("npm ci", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddVoiceActivity(configuration).BuildServiceProvider();
    }
}
