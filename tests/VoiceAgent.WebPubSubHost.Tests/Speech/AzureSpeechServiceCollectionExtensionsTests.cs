using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoiceAgent.WebPubSubHost.Speech;
using VoiceAgent.WebPubSubHost.Speech.Azure;

namespace VoiceAgent.WebPubSubHost.Tests.Speech;

/// <summary>Registration: nothing without settings, the Azure clients with complete ones, a readable refusal for half of them.</summary>
public sealed class AzureSpeechServiceCollectionExtensionsTests
{
    private const string Endpoint = "https://spch-test.cognitiveservices.azure.com/";
    private const string ResourceId = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/spch-test";

    [Fact]
    public void AddAzureSpeech_NoSettings_RegistersNoSpeechClients()
    {
        using var services = Build(new Dictionary<string, string?>());

        Assert.Null(services.GetService<ISpeechSynthesizer>());
        Assert.Null(services.GetService<ISpeechRecognizer>());
    }

    [Fact]
    public void AddAzureSpeech_EndpointAndResourceId_RegistersTheAzureClients()
    {
        using var services = Build(new Dictionary<string, string?> { ["Speech:Endpoint"] = Endpoint, ["Speech:ResourceId"] = ResourceId });

        Assert.IsType<AzureTextToSpeech>(services.GetRequiredService<ISpeechSynthesizer>());
        Assert.IsType<AzureSpeechToText>(services.GetRequiredService<ISpeechRecognizer>());
        Assert.IsType<EntraSpeechAuthorization>(services.GetRequiredService<ISpeechAuthorization>());
    }

    [Theory]
    [InlineData(null, ResourceId, null, "Speech:Endpoint")]
    [InlineData(null, null, "local-key", "Speech:Endpoint")]
    [InlineData(Endpoint, null, null, "Speech:ResourceId")]
    [InlineData(Endpoint, ResourceId, "local-key", "not both")]
    [InlineData("not a url or region", ResourceId, null, "region name")]
    [InlineData(Endpoint, "spch-test", null, "ARM id")]
    public void AddAzureSpeech_HalfConfigured_RefusesWithTheReason(string? endpoint, string? resourceId, string? key, string reason)
    {
        using var services = Build(new Dictionary<string, string?> { ["Speech:Endpoint"] = endpoint, ["Speech:ResourceId"] = resourceId, ["Speech:Key"] = key });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AzureSpeechOptions>>().Value);

        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
        if (key is not null)
        {
            Assert.DoesNotContain(key, failure.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AddAzureSpeech_VoiceSettings_AddToTheDefaultVoices()
    {
        using var services = Build(new Dictionary<string, string?> { ["Speech:Endpoint"] = "eastus", ["Speech:Key"] = "local-key", ["Speech:Voices:fr-CA"] = "fr-CA-SylvieNeural" });

        var voices = services.GetRequiredService<IOptions<AzureSpeechOptions>>().Value.Voices;

        Assert.Equal("fr-CA-SylvieNeural", voices["fr-CA"]);
        Assert.Equal("en-US-JennyNeural", voices["en-US"]);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddAzureSpeech(configuration).BuildServiceProvider();
    }
}
