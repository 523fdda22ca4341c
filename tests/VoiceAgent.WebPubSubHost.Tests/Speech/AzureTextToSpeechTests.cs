using System.Net;
using VoiceAgent.SpeechStandIn;
using VoiceAgent.WebPubSubHost.Speech;
using VoiceAgent.WebPubSubHost.Speech.Azure;

namespace VoiceAgent.WebPubSubHost.Tests.Speech;

/// <summary>Our text-to-speech client against the Speech stand-in: the request the real service wants, and audio as it streams.</summary>
public sealed class AzureTextToSpeechTests : IAsyncLifetime
{
    private static readonly TimeSpan TestDeadline = TimeSpan.FromSeconds(30);
    private SpeechServiceStandIn _standIn = null!;

    public async Task InitializeAsync() => _standIn = await SpeechServiceStandIn.StartAsync(new SpeechStandInOptions { ChunkCount = 4 }, CancellationToken.None);

    public async Task DisposeAsync() => await _standIn.DisposeAsync();

    [Fact]
    public async Task SynthesizeAsync_TextWithMarkup_SendsEscapedSsmlInTheLanguagesVoice()
    {
        using var clients = SpeechClients.WithKey(_standIn);
        const string text = "Tuesday at 9 & 10 <b>works</b> for \"Ana's\" car?";

        await Drain(clients.Synthesizer.SynthesizeAsync(text, "es-US", Deadline()));

        var request = Assert.Single(_standIn.Requests);
        Assert.Equal(200, request.StatusCode);
        Assert.Equal(text, request.Synthesis!.Text);
        Assert.Equal("es-US", request.Synthesis.Language);
        Assert.Equal("es-US-PalomaNeural", request.Synthesis.Voice);
        Assert.DoesNotContain("<b>", request.Synthesis.Ssml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SynthesizeAsync_ShopsOwnVoice_SpeaksInThatVoiceAndLanguage()
    {
        using var clients = SpeechClients.WithKey(_standIn);

        await Drain(clients.Synthesizer.SynthesizeAsync("Hello.", "en-GB", "en-GB-RyanNeural", Deadline()));

        var synthesis = Assert.Single(_standIn.Requests).Synthesis!;
        Assert.Equal(("en-GB", "en-GB-RyanNeural"), (synthesis.Language, synthesis.Voice));
    }

    [Fact]
    public async Task SynthesizeAsync_AnyText_SendsTheRequiredHeaders()
    {
        using var clients = SpeechClients.WithKey(_standIn);

        await Drain(clients.Synthesizer.SynthesizeAsync("Hello.", null, Deadline()));

        var request = Assert.Single(_standIn.Requests);
        Assert.Equal("/tts/cognitiveservices/v1", request.Path);
        Assert.Equal(AzureTextToSpeech.OutputFormat, request.Header("X-Microsoft-OutputFormat"));
        Assert.StartsWith("application/ssml+xml", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Contains(AzureSpeechServiceCollectionExtensions.UserAgent, request.Header("User-Agent"), StringComparison.Ordinal);
        Assert.Equal(_standIn.Key, request.Header("Ocp-Apim-Subscription-Key"));
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task SynthesizeAsync_NoLanguage_SpeaksTheDefaultLanguagesVoice()
    {
        using var clients = SpeechClients.WithKey(_standIn, ("DefaultLanguage", "en-US"), ("Voices:en-US", "en-US-AndrewNeural"));

        await Drain(clients.Synthesizer.SynthesizeAsync("Hello.", null, Deadline()));

        var synthesis = Assert.Single(_standIn.Requests).Synthesis!;
        Assert.Equal("en-US", synthesis.Language);
        Assert.Equal("en-US-AndrewNeural", synthesis.Voice);
    }

    [Fact]
    public async Task SynthesizeAsync_ServiceSendsPieces_YieldsAllTheAudioInSeveralChunks()
    {
        using var clients = SpeechClients.WithKey(_standIn);
        const string text = "Your car will be ready at five.";

        var chunks = await Drain(clients.Synthesizer.SynthesizeAsync(text, "en-US", Deadline()));

        Assert.True(chunks.Count > 1, $"{chunks.Count} chunk(s)");
        Assert.Equal(_standIn.AudioFor(text), chunks.SelectMany(c => c.ToArray()).ToArray());
    }

    [Fact]
    public async Task SynthesizeAsync_ServiceHoldsTheRest_YieldsTheFirstChunkMeanwhile()
    {
        using var clients = SpeechClients.WithKey(_standIn);
        const string text = "One moment while I check the calendar.";
        var hold = _standIn.HoldNextSynthesis();
        await using var audio = clients.Synthesizer.SynthesizeAsync(text, "en-US", Deadline()).GetAsyncEnumerator();

        Assert.True(await audio.MoveNextAsync());
        var first = audio.Current.ToArray();
        await hold.Held.WaitAsync(TestDeadline);

        Assert.True(hold.IsHolding, "the stand-in had already sent everything");
        Assert.NotEmpty(first);
        Assert.True(first.Length < _standIn.AudioFor(text).Length);
        hold.Release();
        var received = new List<byte>(first);
        while (await audio.MoveNextAsync())
        {
            received.AddRange(audio.Current.ToArray());
        }

        Assert.Equal(_standIn.AudioFor(text), received.ToArray());
    }

    /// <summary>The stall deadline is on the service, not on us: a caller pacing the audio out (as to Twilio) may hold each piece longer.</summary>
    [Fact]
    public async Task SynthesizeAsync_CallerSlowerThanTheTimeoutBetweenChunks_StillGetsAllTheAudio()
    {
        using var clients = SpeechClients.WithKey(_standIn, ("SynthesisTimeoutSeconds", "0.2"));
        const string text = "Your car will be ready at five.";
        var received = new List<byte>();

        await foreach (var chunk in clients.Synthesizer.SynthesizeAsync(text, "en-US", Deadline()))
        {
            received.AddRange(chunk.ToArray());
            await Task.Delay(TimeSpan.FromSeconds(0.5)); // real time: the deadline is a real-time network deadline
        }

        Assert.Equal(_standIn.AudioFor(text), received.ToArray());
    }

    [Fact]
    public async Task SynthesizeAsync_RateLimited_ThrowsUnavailableWithStatusAndRetryAfter()
    {
        using var clients = SpeechClients.WithKey(_standIn);
        _standIn.Fail(SpeechOperation.Synthesis, SpeechFault.RateLimited(TimeSpan.FromSeconds(2)));

        var failure = await Assert.ThrowsAsync<SpeechUnavailableException>(() => Drain(clients.Synthesizer.SynthesizeAsync("Hello.", "en-US", Deadline())));

        Assert.Equal(HttpStatusCode.TooManyRequests, failure.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), failure.RetryAfter);
        Assert.Contains("429", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_standIn.Key, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SynthesizeAsync_ServerError_ThrowsUnavailableWithStatus()
    {
        using var clients = SpeechClients.WithKey(_standIn);
        _standIn.Fail(SpeechOperation.Synthesis, SpeechFault.ServerError);

        var failure = await Assert.ThrowsAsync<SpeechUnavailableException>(() => Drain(clients.Synthesizer.SynthesizeAsync("Hello.", "en-US", Deadline())));

        Assert.Equal(HttpStatusCode.InternalServerError, failure.StatusCode);
    }

    [Fact]
    public async Task SynthesizeAsync_WrongKey_ThrowsUnavailableWithoutTheKey()
    {
        const string wrongKey = "not-the-stand-ins-key";
        using var clients = SpeechClients.Create(new Dictionary<string, string?> { ["Speech:Endpoint"] = _standIn.BaseUrl.AbsoluteUri, ["Speech:Key"] = wrongKey });

        var failure = await Assert.ThrowsAsync<SpeechUnavailableException>(() => Drain(clients.Synthesizer.SynthesizeAsync("Hello.", "en-US", Deadline())));

        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        Assert.DoesNotContain(wrongKey, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SynthesizeAsync_FirstByteLaterThanTheTimeout_ThrowsUnavailableTimedOut()
    {
        using var clients = SpeechClients.WithKey(_standIn, ("SynthesisTimeoutSeconds", "0.2"));
        _standIn.Fail(SpeechOperation.Synthesis, SpeechFault.SlowFirstByte(TimeSpan.FromMinutes(1)));

        var failure = await Assert.ThrowsAsync<SpeechUnavailableException>(() => Drain(clients.Synthesizer.SynthesizeAsync("Hello.", "en-US", Deadline())));

        Assert.Null(failure.StatusCode);
        Assert.IsType<TimeoutException>(failure.InnerException);
    }

    [Fact]
    public async Task SynthesizeAsync_CallerCancels_ThrowsCancellationNotUnavailable()
    {
        using var clients = SpeechClients.WithKey(_standIn);
        _standIn.Fail(SpeechOperation.Synthesis, SpeechFault.SlowFirstByte(TimeSpan.FromMinutes(1)));
        using var hangUp = new CancellationTokenSource();
        var synthesis = Drain(clients.Synthesizer.SynthesizeAsync("Hello.", "en-US", hangUp.Token));

        await hangUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => synthesis);
    }

    [Fact]
    public async Task SynthesizeAsync_BlankText_SendsNothing()
    {
        using var clients = SpeechClients.WithKey(_standIn);

        var chunks = await Drain(clients.Synthesizer.SynthesizeAsync("  ", "en-US", Deadline()));

        Assert.Empty(chunks);
        Assert.Empty(_standIn.Requests);
    }

    private static CancellationToken Deadline() => new CancellationTokenSource(TestDeadline).Token;

    private static async Task<List<ReadOnlyMemory<byte>>> Drain(IAsyncEnumerable<ReadOnlyMemory<byte>> audio)
    {
        var chunks = new List<ReadOnlyMemory<byte>>();
        await foreach (var chunk in audio)
        {
            chunks.Add(chunk);
        }

        return chunks;
    }
}
