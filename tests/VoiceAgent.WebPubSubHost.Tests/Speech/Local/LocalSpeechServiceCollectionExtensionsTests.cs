using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoiceAgent.WebPubSubHost.Speech;
using VoiceAgent.WebPubSubHost.Speech.Local;

namespace VoiceAgent.WebPubSubHost.Tests.Speech.Local;

public sealed class LocalSpeechServiceCollectionExtensionsTests
{
    [Fact]
    public void AddLocalSpeech_Configured_BindsTheSettingsFromSpeechLocal()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Speech:Local:Flite:Voice"] = "slt",
                ["Speech:Local:Flite:ChunkMilliseconds"] = "40",
                ["Speech:Local:PocketSphinx:Path"] = "/opt/sphinx/bin/pocketsphinx",
            })
            .Build();
        using var provider = new ServiceCollection().AddLocalSpeech(configuration).BuildServiceProvider();

        var flite = provider.GetRequiredService<IOptions<FliteOptions>>().Value;
        Assert.Equal(("slt", 40, "flite"), (flite.Voice, flite.ChunkMilliseconds, flite.Path));
        Assert.Equal("/opt/sphinx/bin/pocketsphinx", provider.GetRequiredService<IOptions<PocketSphinxOptions>>().Value.Path);
    }

    [Fact]
    public void AddLocalSpeech_Unconfigured_ResolvesFliteAndPocketSphinx()
    {
        using var provider = new ServiceCollection().AddLocalSpeech(new ConfigurationBuilder().Build()).BuildServiceProvider();

        Assert.IsType<FliteSynthesizer>(provider.GetRequiredService<ISpeechSynthesizer>());
        Assert.IsType<PocketSphinxRecognizer>(provider.GetRequiredService<ISpeechRecognizer>());
    }

    [Fact]
    public void AddLocalSpeech_ChunkShorterThanAFrame_FailsValidation()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Speech:Local:Flite:ChunkMilliseconds"] = "5" })
            .Build();
        using var provider = new ServiceCollection().AddLocalSpeech(configuration).BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FliteOptions>>().Value);
    }
}
