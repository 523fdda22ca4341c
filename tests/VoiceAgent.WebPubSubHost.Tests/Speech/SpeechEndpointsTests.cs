using VoiceAgent.WebPubSubHost.Speech.Azure;

namespace VoiceAgent.WebPubSubHost.Tests.Speech;

/// <summary>The REST URL forms of protocols.md §7 and Speech's custom-domain rule (the service's host label moves into the path).</summary>
public sealed class SpeechEndpointsTests
{
    [Theory]
    [InlineData("https://spch-abc.cognitiveservices.azure.com/")]
    [InlineData("https://spch-abc.cognitiveservices.azure.com")]
    public void From_CustomSubdomain_PutsTheServiceInThePath(string endpoint)
    {
        var urls = SpeechEndpoints.From(endpoint)!;

        Assert.Equal("https://spch-abc.cognitiveservices.azure.com/tts/cognitiveservices/v1", urls.Synthesis.AbsoluteUri);
        Assert.Equal("https://spch-abc.cognitiveservices.azure.com/stt/speech/recognition/conversation/cognitiveservices/v1", urls.Recognition.AbsoluteUri);
    }

    [Theory]
    [InlineData("eastus")]
    [InlineData("EastUS")]
    [InlineData("https://eastus.api.cognitive.microsoft.com/")]
    public void From_Region_UsesTheRegionalServiceHosts(string endpoint)
    {
        var urls = SpeechEndpoints.From(endpoint)!;

        Assert.Equal("https://eastus.tts.speech.microsoft.com/cognitiveservices/v1", urls.Synthesis.AbsoluteUri);
        Assert.Equal("https://eastus.stt.speech.microsoft.com/speech/recognition/conversation/cognitiveservices/v1", urls.Recognition.AbsoluteUri);
    }

    [Theory]
    [InlineData("")]
    [InlineData("east us")]
    [InlineData("ftp://spch-abc.cognitiveservices.azure.com/")]
    public void From_NeitherUrlNorRegion_IsNull(string endpoint)
    {
        Assert.Null(SpeechEndpoints.From(endpoint));
    }
}
