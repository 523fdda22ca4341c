using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.Core.Tenants;
using VoiceAgent.TestSupport;
using VoiceAgent.WebPubSubHost.Tests.Support;
using VoiceAgent.WebPubSubHost.Tests.Vad;

namespace VoiceAgent.WebPubSubHost.Tests.Streams;

/// <summary>
/// A shop's own language and Azure voice (<see cref="TenantProfile.Voice"/>) on a Media Streams call against the real host:
/// the recognizer is asked for the shop's language, the synthesizer for the shop's voice; a shop that set none gets the
/// deployment's language and the language's configured voice.
/// </summary>
[Trait("Category", "RealTime")]
public sealed class StreamTenantVoiceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string BookingRequest = "Hi, I'd like to book an oil change for tomorrow at 9 am";

    [Fact]
    public async Task Turn_ShopWithItsOwnLanguageAndVoice_RecognisesAndSpeaksInThem()
    {
        var (recognizer, synthesizer) = await OneTurnAsync(new TenantVoice { Language = "en-GB", SpeechVoice = "en-GB-RyanNeural" });

        Assert.Equal("en-GB", recognizer.Heard.First().Language);
        Assert.NotEmpty(synthesizer.Voices);
        Assert.All(synthesizer.Voices, v => Assert.Equal(("en-GB", "en-GB-RyanNeural"), v));
    }

    [Fact]
    public async Task Turn_ShopWithoutItsOwnVoice_DeploymentLanguageAndNoNamedVoice()
    {
        var (recognizer, synthesizer) = await OneTurnAsync(TenantVoice.Deployment);

        Assert.Equal("en-US", recognizer.Heard.First().Language);
        Assert.NotEmpty(synthesizer.Voices);
        Assert.All(synthesizer.Voices, v => Assert.Equal(("en-US", (string?)null), v));
    }

    /// <summary>The demo shop with <paramref name="voice"/> takes a stream call; the caller asks for a booking and hears the answer.</summary>
    private async Task<(ScriptedRecognizer Recognizer, ToneSynthesizer Synthesizer)> OneTurnAsync(TenantVoice voice)
    {
        var recognizer = new ScriptedRecognizer([BookingRequest]);
        var synthesizer = new ToneSynthesizer(TimeSpan.FromMilliseconds(5));
        await using var host = await RealtimeHost.StartAsync(azurite.ConnectionString, services: services => StreamCallTests.UseSpeech(services, recognizer, synthesizer));
        await host.Services.GetRequiredService<TenantStore>().SaveAsync(DemoTenant.Profile with { Voice = voice }, CancellationToken.None);
        var callSid = await StreamCallTests.AnswerAsync(host);
        await using var twilio = await StreamTwilio.ConnectAsync(host);
        await twilio.StartAsync(callSid, DemoTenant.Id);

        var before = twilio.Received.Count;
        await twilio.SayAsync(TestAudio.Speech(BookingRequest));
        await twilio.WaitUntilHeardAsync(before);
        return (recognizer, synthesizer);
    }
}
