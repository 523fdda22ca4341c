using System.Net;
using VoiceAgent.SpeechStandIn;
using VoiceAgent.WebPubSubHost.Audio;
using VoiceAgent.WebPubSubHost.Speech;

namespace VoiceAgent.WebPubSubHost.Tests.Speech;

/// <summary>Our short-audio recognizer against the Speech stand-in: the WAV and query the real service takes, and its answers read back.</summary>
public sealed class AzureSpeechToTextTests : IAsyncLifetime
{
    private SpeechServiceStandIn _standIn = null!;

    public async Task InitializeAsync() => _standIn = await SpeechServiceStandIn.StartAsync(CancellationToken.None);

    public async Task DisposeAsync() => await _standIn.DisposeAsync();

    [Fact]
    public async Task RecognizeAsync_OneSecondAt8k_SendsChunked16kMonoPcmWavOfTwiceTheSamples()
    {
        using var clients = SpeechClients.WithKey(_standIn);
        var samples = Ramp(Utterance.SampleRate);

        await clients.Recognizer.RecognizeAsync(new Utterance(samples, "en-US"), Deadline());

        var recognition = Assert.Single(_standIn.Requests).Recognition!;
        Assert.Equal((1, 1, 16000, 16), (recognition.Audio.Format, recognition.Audio.Channels, recognition.Audio.SampleRate, recognition.Audio.BitsPerSample));
        Assert.Equal(2 * samples.Length, recognition.Audio.Samples.Length);
        Assert.Equal(2 * 2 * samples.Length, recognition.Audio.DeclaredDataBytes);
        Assert.Equal(Resampler.Upsample8kTo16k(samples), recognition.Audio.Samples);
        Assert.True(recognition.Chunked, "the body was not sent chunked");
    }

    [Fact]
    public async Task RecognizeAsync_AnyUtterance_AsksForTheLanguageInDetailedFormat()
    {
        using var clients = SpeechClients.WithKey(_standIn);

        await clients.Recognizer.RecognizeAsync(new Utterance(Ramp(800), "es-US"), Deadline());

        var request = Assert.Single(_standIn.Requests);
        Assert.Equal("/stt/speech/recognition/conversation/cognitiveservices/v1", request.Path);
        Assert.Equal(("es-US", "detailed"), (request.Recognition!.Language, request.Recognition.Format));
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.Equal(_standIn.Key, request.Header("Ocp-Apim-Subscription-Key"));
    }

    [Fact]
    public async Task RecognizeAsync_DetailedSuccess_ReturnsTheBestDisplayTextAndConfidence()
    {
        using var clients = SpeechClients.WithKey(_standIn);
        _standIn.Hear(ScriptedRecognition.Heard("I'd like an oil change tomorrow at 9.", 0.87));

        var transcript = await clients.Recognizer.RecognizeAsync(new Utterance(Ramp(1600), "en-US"), Deadline());

        Assert.Equal("I'd like an oil change tomorrow at 9.", transcript.Text);
        Assert.Equal(0.87, transcript.Confidence);
    }

    [Theory]
    [InlineData("NoMatch")]
    [InlineData("InitialSilenceTimeout")]
    [InlineData("BabbleTimeout")]
    public async Task RecognizeAsync_NothingRecognised_ReturnsNothing(string status)
    {
        using var clients = SpeechClients.WithKey(_standIn);
        _standIn.Hear(new ScriptedRecognition(status));

        var transcript = await clients.Recognizer.RecognizeAsync(new Utterance(Ramp(1600), "en-US"), Deadline());

        Assert.True(transcript.IsEmpty);
        Assert.Null(transcript.Confidence);
    }

    [Fact]
    public async Task RecognizeAsync_ServiceErrorStatus_ThrowsUnavailable()
    {
        using var clients = SpeechClients.WithKey(_standIn);
        _standIn.Hear(ScriptedRecognition.Error);

        var failure = await Assert.ThrowsAsync<SpeechUnavailableException>(() => clients.Recognizer.RecognizeAsync(new Utterance(Ramp(1600), "en-US"), Deadline()));

        Assert.Contains("Error", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task RecognizeAsync_HttpError_ThrowsUnavailableWithTheStatus(int status)
    {
        using var clients = SpeechClients.WithKey(_standIn);
        _standIn.Fail(SpeechOperation.Recognition, SpeechFault.Http(status, TimeSpan.FromSeconds(1)));

        var failure = await Assert.ThrowsAsync<SpeechUnavailableException>(() => clients.Recognizer.RecognizeAsync(new Utterance(Ramp(1600), "en-US"), Deadline()));

        Assert.Equal((HttpStatusCode)status, failure.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), failure.RetryAfter);
        Assert.DoesNotContain(_standIn.Key, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecognizeAsync_AnswerLaterThanTheTimeout_ThrowsUnavailableTimedOut()
    {
        using var clients = SpeechClients.WithKey(_standIn, ("RecognitionTimeoutSeconds", "0.3"));
        _standIn.Fail(SpeechOperation.Recognition, SpeechFault.SlowFirstByte(TimeSpan.FromMinutes(1)));

        var failure = await Assert.ThrowsAsync<SpeechUnavailableException>(() => clients.Recognizer.RecognizeAsync(new Utterance(Ramp(1600), "en-US"), Deadline()));

        Assert.Null(failure.StatusCode);
        Assert.IsType<TimeoutException>(failure.InnerException);
    }

    [Fact]
    public async Task RecognizeAsync_NoSamples_ReturnsNothingWithoutARequest()
    {
        using var clients = SpeechClients.WithKey(_standIn);

        var transcript = await clients.Recognizer.RecognizeAsync(new Utterance(Array.Empty<short>(), "en-US"), Deadline());

        Assert.True(transcript.IsEmpty);
        Assert.Empty(_standIn.Requests);
    }

    [Fact]
    public async Task RecognizeAsync_NoLanguage_AsksInTheDefaultLanguage()
    {
        using var clients = SpeechClients.WithKey(_standIn, ("DefaultLanguage", "es-US"));

        await clients.Recognizer.RecognizeAsync(new Utterance(Ramp(800), ""), Deadline());

        Assert.Equal("es-US", Assert.Single(_standIn.Requests).Recognition!.Language);
    }

    [Fact]
    public async Task RecognizeAsync_LongerThanTheApiTakes_SendsOnlyTheFirstMinute()
    {
        using var clients = SpeechClients.WithKey(_standIn);

        await clients.Recognizer.RecognizeAsync(new Utterance(Ramp(61 * Utterance.SampleRate), "en-US"), Deadline());

        Assert.Equal(TimeSpan.FromSeconds(60), Assert.Single(_standIn.Requests).Recognition!.Audio.Duration);
    }

    private static CancellationToken Deadline() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    /// <summary>A sawtooth, so every upsampled sample is checkable and none is silence.</summary>
    private static short[] Ramp(int length) => Enumerable.Range(0, length).Select(i => (short)((i % 200 * 100) - 10_000)).ToArray();
}
