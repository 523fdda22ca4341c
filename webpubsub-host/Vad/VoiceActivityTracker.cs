namespace VoiceAgent.WebPubSubHost.Vad;

/// <summary>
/// One call's voice activity and end of turn, fed the caller's audio frame by frame (8 kHz 16-bit PCM, normally 20 ms).
/// Each frame is judged voiced or not (the energy gate, then Silero when configured), and a small state machine turns
/// those judgements into events: <see cref="VoiceStarted"/> after a short run of voiced audio, then after a hang-over of
/// silence either <see cref="VoiceEndedAsNoise"/> (too short to be a turn) or <see cref="UtteranceComplete"/>.
/// Created by <see cref="VoiceActivityTrackerFactory"/>; one per call, driven from one thread at a time.
/// </summary>
public sealed class VoiceActivityTracker : IDisposable
{
    public const int SampleRate = 8000;

    /// <summary>A Media Streams frame: 20 ms.</summary>
    public const int FrameSamples = 160;

    private readonly EnergyGate _gate;
    private readonly SileroSpeechEstimator? _silero;
    private readonly UtteranceRecorder _recorder;
    private readonly TimeSpan _onset;
    private readonly TimeSpan _hangover;
    private readonly TimeSpan _minUtterance;
    private readonly TimeSpan _maxUtterance;
    private readonly int _preRollSamples;
    private readonly int _postRollSamples;
    private readonly bool _onsetFromEnergy;

    private bool _inVoice;
    private long _frameStartSample;
    private TimeSpan _voicedRun;
    private TimeSpan _runStartAt;
    private long _runStartSample;
    private TimeSpan _silenceRun;
    private TimeSpan _lastVoicedEndAt;
    private long _lastVoicedEndSample;

    internal VoiceActivityTracker(VoiceActivityOptions options, SileroSpeechEstimator? silero)
    {
        _gate = new EnergyGate(options);
        _silero = silero;
        _onset = TimeSpan.FromMilliseconds(options.OnsetMilliseconds);
        _hangover = TimeSpan.FromMilliseconds(options.HangoverMilliseconds);
        _minUtterance = TimeSpan.FromMilliseconds(options.MinUtteranceMilliseconds);
        _maxUtterance = TimeSpan.FromMilliseconds(options.MaxUtteranceMilliseconds);
        _preRollSamples = SamplesIn(options.PreRollMilliseconds);
        _postRollSamples = SamplesIn(options.PostRollMilliseconds);
        _onsetFromEnergy = options.OnsetFromEnergy;
        // The past must reach from the frame that confirms the onset back over the onset run and the pre-roll.
        var history = _preRollSamples + SamplesIn(options.OnsetMilliseconds) + SamplesIn(200);
        _recorder = new UtteranceRecorder(history, initialUtteranceSamples: SampleRate * 4);
    }

    /// <summary>Whether voice has started and not yet ended.</summary>
    public bool InVoice => _inVoice;

    /// <summary>The energy gate, for telemetry (level and noise floor of the last frame).</summary>
    public EnergyGate Gate => _gate;

    /// <summary>The Silero estimator, or null in energy-gate mode; for telemetry (windows scored and skipped).</summary>
    public SileroSpeechEstimator? Silero => _silero;

    /// <summary>
    /// Takes the next frame of the caller's audio, which begins at audio time <paramref name="at"/>, and returns what it
    /// changed, if anything. At most one event per frame; allocates only when it returns one.
    /// </summary>
    public VoiceActivityEvent? Push(ReadOnlySpan<short> frame, TimeSpan at)
    {
        var (starts, sustains) = Judge(frame);
        _frameStartSample = _recorder.SamplesSeen;
        _recorder.Append(frame);
        var duration = TimeSpan.FromTicks(frame.Length * TimeSpan.TicksPerSecond / SampleRate);
        return _inVoice ? ContinueVoice(sustains, at, duration) : AwaitOnset(starts, at, duration);
    }

    public void Dispose() => _silero?.Dispose();

    private static int SamplesIn(int milliseconds) => milliseconds * SampleRate / 1000;

    /// <summary>
    /// Whether the frame may start voice, and whether it keeps voice going. They differ only in Silero mode with
    /// <see cref="VoiceActivityOptions.OnsetFromEnergy"/>: a loud frame may start voice at once (barge-in ~40 ms after the
    /// onset rather than the ~100 ms Silero needs), but only what Silero calls speech keeps it going and makes it a turn.
    /// </summary>
    private (bool Starts, bool Sustains) Judge(ReadOnlySpan<short> frame)
    {
        var energy = _gate.Classify(frame);
        if (_silero is null)
        {
            return (energy == EnergyVerdict.Loud, energy == EnergyVerdict.Loud);
        }

        var audible = energy != EnergyVerdict.Silence;
        _silero.Append(frame, audible);
        var speech = audible && _silero.IsSpeech;
        return (speech || (_onsetFromEnergy && energy == EnergyVerdict.Loud), speech);
    }

    private VoiceStarted? AwaitOnset(bool voiced, TimeSpan at, TimeSpan duration)
    {
        if (!voiced)
        {
            _voicedRun = TimeSpan.Zero;
            return null;
        }

        if (_voicedRun == TimeSpan.Zero)
        {
            _runStartAt = at;
            _runStartSample = _frameStartSample;
        }

        _voicedRun += duration;
        if (_voicedRun < _onset)
        {
            return null;
        }

        _inVoice = true;
        _silenceRun = TimeSpan.Zero;
        _lastVoicedEndAt = at + duration;
        _lastVoicedEndSample = _recorder.SamplesSeen;
        _recorder.Start(_runStartSample - _preRollSamples);
        return new VoiceStarted(_runStartAt);
    }

    private VoiceActivityEvent? ContinueVoice(bool voiced, TimeSpan at, TimeSpan duration)
    {
        if (voiced)
        {
            _silenceRun = TimeSpan.Zero;
            _lastVoicedEndAt = at + duration;
            _lastVoicedEndSample = _recorder.SamplesSeen;
            return at + duration - _runStartAt >= _maxUtterance ? Complete(_recorder.SamplesSeen) : null;
        }

        _silenceRun += duration;
        if (_silenceRun < _hangover)
        {
            return null;
        }

        var voiceDuration = _lastVoicedEndAt - _runStartAt;
        if (voiceDuration >= _minUtterance)
        {
            return Complete(_lastVoicedEndSample + _postRollSamples);
        }

        var samples = _recorder.Finish(_lastVoicedEndSample + _postRollSamples);
        Reset();
        return new VoiceEndedAsNoise(_runStartAt, voiceDuration, samples);
    }

    private UtteranceComplete Complete(long endSample)
    {
        var startSample = _recorder.UtteranceStart;
        var samplesStartAt = _runStartAt - TimeSpan.FromTicks((_runStartSample - startSample) * TimeSpan.TicksPerSecond / SampleRate);
        var samples = _recorder.Finish(endSample);
        var completed = new UtteranceComplete(_runStartAt, _lastVoicedEndAt, samplesStartAt, samples);
        Reset();
        return completed;
    }

    private void Reset()
    {
        _inVoice = false;
        _voicedRun = TimeSpan.Zero;
        _silenceRun = TimeSpan.Zero;
    }
}
