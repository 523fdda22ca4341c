using Microsoft.Extensions.Options;
using VoiceAgent.WebPubSubHost.Vad;

namespace VoiceAgent.WebPubSubHost.Tests.Vad;

/// <summary>The tracker on generated calls: flite speech, noise bursts and a steady noise floor, in both modes.</summary>
public sealed class VoiceActivityTrackerTests
{
    private const string Sentence = "I would like to book an oil change for tomorrow morning.";
    private static readonly TimeSpan SpeechAt = TimeSpan.FromSeconds(1.5);
    private static readonly VoiceActivityOptions Defaults = new();

    [Theory]
    [InlineData(VoiceActivityMode.EnergyGate)]
    [InlineData(VoiceActivityMode.Silero)]
    public void Push_SpeechAfterSilence_ReportsOnsetWithin100MsOfSpeechStart(VoiceActivityMode mode)
    {
        var (call, speechStart, _) = SpeechCall();

        var events = Track(mode, call);

        var (started, knownAt) = events[0];
        var onset = Assert.IsType<VoiceStarted>(started);
        Assert.InRange(knownAt - speechStart, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
        Assert.InRange(onset.OnsetAt, speechStart - TimeSpan.FromMilliseconds(20), knownAt);
    }

    [Theory]
    [InlineData(VoiceActivityMode.EnergyGate)]
    [InlineData(VoiceActivityMode.Silero)]
    public void Push_SpeechThenSilence_CompletesOneUtteranceAfterTheHangover(VoiceActivityMode mode)
    {
        var (call, speechStart, speechEnd) = SpeechCall();

        var events = Track(mode, call);

        Assert.Collection(events, e => Assert.IsType<VoiceStarted>(e.Event), e => Assert.IsType<UtteranceComplete>(e.Event));
        var (completed, knownAt) = events[1];
        var utterance = (UtteranceComplete)completed;
        Assert.InRange(utterance.EndAt, speechEnd - TimeSpan.FromMilliseconds(100), speechEnd + TimeSpan.FromMilliseconds(100));
        var hangover = TimeSpan.FromMilliseconds(Defaults.HangoverMilliseconds);
        Assert.InRange(knownAt, utterance.EndAt + hangover, utterance.EndAt + hangover + TimeSpan.FromMilliseconds(20));
    }

    [Theory]
    [InlineData(VoiceActivityMode.EnergyGate)]
    [InlineData(VoiceActivityMode.Silero)]
    public void Push_SpeechThenSilence_UtteranceHoldsTheCallAudioFromBeforeOnsetToAfterTheEnd(VoiceActivityMode mode)
    {
        var (call, speechStart, speechEnd) = SpeechCall();

        var utterance = Track(mode, call).Select(e => e.Event).OfType<UtteranceComplete>().Single();

        Assert.True(utterance.SamplesStartAt <= speechStart, $"samples start at {utterance.SamplesStartAt}, speech at {speechStart}");
        var samplesEnd = utterance.SamplesStartAt + TimeSpan.FromSeconds(utterance.Samples.Length / (double)TestAudio.Rate);
        Assert.True(samplesEnd >= speechEnd, $"samples end at {samplesEnd}, speech at {speechEnd}");
        var expected = call.AsSpan(TestAudio.Samples(utterance.SamplesStartAt), utterance.Samples.Length);
        Assert.True(expected.SequenceEqual(utterance.Samples.Span), "the utterance's samples are not the call's audio at its times");
    }

    [Theory]
    [InlineData(VoiceActivityMode.EnergyGate)]
    [InlineData(VoiceActivityMode.Silero)]
    public void Push_150MsOfVoice_StartsThenEndsAsNoise(VoiceActivityMode mode)
    {
        var uh = TestAudio.LoudestStretch(TestAudio.Speech("Ah."), TimeSpan.FromMilliseconds(150));
        var call = TestAudio.Mix(TestAudio.Noise(TimeSpan.FromSeconds(3), -60, seed: 3), uh, SpeechAt);

        var events = Track(mode, call).Select(e => e.Event).ToList();

        Assert.Collection(events, e => Assert.IsType<VoiceStarted>(e), e => Assert.IsType<VoiceEndedAsNoise>(e));
        Assert.True(((VoiceEndedAsNoise)events[1]).Duration < TimeSpan.FromMilliseconds(Defaults.MinUtteranceMilliseconds));
    }

    [Fact]
    public void Push_150MsNoiseBurstWithEnergyGateOnly_StartsThenEndsAsNoise()
    {
        var cough = TestAudio.Noise(TimeSpan.FromMilliseconds(150), -20, seed: 4);
        var call = TestAudio.Mix(TestAudio.Noise(TimeSpan.FromSeconds(3), -60, seed: 3), cough, SpeechAt);

        var events = Track(VoiceActivityMode.EnergyGate, call).Select(e => e.Event).ToList();

        Assert.Collection(events, e => Assert.IsType<VoiceStarted>(e), e => Assert.IsType<VoiceEndedAsNoise>(e));
    }

    [Fact]
    public void Push_150MsNoiseBurstWithSilero_NeverTakesTheTurn()
    {
        var cough = TestAudio.Noise(TimeSpan.FromMilliseconds(150), -20, seed: 4);
        var call = TestAudio.Mix(TestAudio.Noise(TimeSpan.FromSeconds(3), -60, seed: 3), cough, SpeechAt);

        var events = Track(VoiceActivityMode.Silero, call).Select(e => e.Event).ToList();

        Assert.DoesNotContain(events, e => e is UtteranceComplete);
        Assert.Equal(events.Count(e => e is VoiceStarted), events.Count(e => e is VoiceEndedAsNoise));
    }

    [Fact]
    public void Push_150MsNoiseBurstWithSileroAloneJudgingOnset_ReportsNothing()
    {
        var cough = TestAudio.Noise(TimeSpan.FromMilliseconds(150), -20, seed: 4);
        var call = TestAudio.Mix(TestAudio.Noise(TimeSpan.FromSeconds(3), -60, seed: 3), cough, SpeechAt);
        using var factory = new VoiceActivityTrackerFactory(Options.Create(new VoiceActivityOptions { OnsetFromEnergy = false }));
        using var tracker = factory.Create();

        Assert.Empty(TestAudio.Track(tracker, call));
    }

    [Theory]
    [InlineData(VoiceActivityMode.EnergyGate)]
    [InlineData(VoiceActivityMode.Silero)]
    public void Push_SteadyNoiseFloor_ReportsNothing(VoiceActivityMode mode)
    {
        var call = TestAudio.Noise(TimeSpan.FromSeconds(5), -45, seed: 5);

        Assert.Empty(Track(mode, call));
    }

    [Fact]
    public void Push_SteadyNoiseFloorWithSilero_TheGateSparesTheModelAlmostEveryWindow()
    {
        var call = TestAudio.Noise(TimeSpan.FromSeconds(5), -45, seed: 5);
        using var factory = Factory(VoiceActivityMode.Silero);
        using var tracker = factory.Create();

        TestAudio.Track(tracker, call);

        Assert.True(tracker.Silero!.WindowsScored * 20 < tracker.Silero.WindowsSkipped, $"scored {tracker.Silero.WindowsScored}, skipped {tracker.Silero.WindowsSkipped}");
    }

    /// <summary>A call: 1.5 s of a quiet line, the sentence over it, then 1.5 s of the line again.</summary>
    private static (short[] Call, TimeSpan SpeechStart, TimeSpan SpeechEnd) SpeechCall()
    {
        var speech = TestAudio.Speech(Sentence);
        var line = TestAudio.Noise(SpeechAt + TimeSpan.FromSeconds(speech.Length / (double)TestAudio.Rate + 1.5), -60, seed: 1);
        var (start, end) = TestAudio.Extent(speech);
        return (TestAudio.Mix(line, speech, SpeechAt), SpeechAt + start, SpeechAt + end);
    }

    private static List<(VoiceActivityEvent Event, TimeSpan KnownAt)> Track(VoiceActivityMode mode, short[] call)
    {
        using var factory = Factory(mode);
        using var tracker = factory.Create();
        return TestAudio.Track(tracker, call);
    }

    private static VoiceActivityTrackerFactory Factory(VoiceActivityMode mode) => new(Options.Create(new VoiceActivityOptions { Mode = mode }));
}
