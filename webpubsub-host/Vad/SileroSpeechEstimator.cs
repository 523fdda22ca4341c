using Microsoft.ML.OnnxRuntime;

namespace VoiceAgent.WebPubSubHost.Vad;

/// <summary>
/// One call's view through the shared <see cref="SileroVadModel"/>: samples accumulate into 32 ms windows, each window
/// the energy gate let through is scored, and <see cref="IsSpeech"/> follows the scores with hysteresis. The tensors are
/// bound once over this object's own arrays, so a window costs a copy and a run, with no allocation. Not thread-safe.
/// </summary>
public sealed class SileroSpeechEstimator : IDisposable
{
    private readonly float _speechThreshold;
    private readonly float _silenceThreshold;
    private readonly SileroVadModel _model;
    private readonly float[] _input = new float[SileroVadModel.ContextSamples + SileroVadModel.WindowSamples];
    private readonly float[] _state = new float[SileroVadModel.StateLength];
    private readonly float[] _stateOut = new float[SileroVadModel.StateLength];
    private readonly float[] _probability = new float[1];
    private readonly OrtValue[] _tensors;
    private readonly OrtIoBinding _binding;
    private readonly RunOptions _runOptions = new();
    private int _filled;
    private bool _windowAudible;

    public SileroSpeechEstimator(SileroVadModel model, VoiceActivityOptions options)
    {
        _model = model;
        _speechThreshold = (float)options.SpeechThreshold;
        _silenceThreshold = (float)options.SilenceThreshold;
        _tensors =
        [
            OrtValue.CreateTensorValueFromMemory(_input, [1, _input.Length]),
            OrtValue.CreateTensorValueFromMemory(_state, [2, 1, 128]),
            OrtValue.CreateTensorValueFromMemory(new long[] { VoiceActivityTracker.SampleRate }, []),
            OrtValue.CreateTensorValueFromMemory(_probability, [1, 1]),
            OrtValue.CreateTensorValueFromMemory(_stateOut, [2, 1, 128]),
        ];
        _binding = model.Session.CreateIoBinding();
        _binding.BindInput(SileroVadModel.InputName, _tensors[0]);
        _binding.BindInput(SileroVadModel.StateName, _tensors[1]);
        _binding.BindInput(SileroVadModel.SampleRateName, _tensors[2]);
        _binding.BindOutput(SileroVadModel.OutputName, _tensors[3]);
        _binding.BindOutput(SileroVadModel.StateOutputName, _tensors[4]);
    }

    /// <summary>Whether the latest scored windows are speech (entered at the speech threshold, left below the silence one).</summary>
    public bool IsSpeech { get; private set; }

    /// <summary>The last window's speech probability (0 for a window the gate ruled out).</summary>
    public float LastProbability { get; private set; }

    /// <summary>Windows the model scored.</summary>
    public long WindowsScored { get; private set; }

    /// <summary>Windows the energy gate ruled out, so the model was not run.</summary>
    public long WindowsSkipped { get; private set; }

    /// <summary>
    /// Adds samples; every window they complete is scored if any of its samples came in an audible frame
    /// (<paramref name="audible"/>), else counted as silence without running the model.
    /// </summary>
    public void Append(ReadOnlySpan<short> samples, bool audible)
    {
        while (!samples.IsEmpty)
        {
            var take = Math.Min(samples.Length, SileroVadModel.WindowSamples - _filled);
            var target = _input.AsSpan(SileroVadModel.ContextSamples + _filled, take);
            for (var i = 0; i < take; i++)
            {
                target[i] = samples[i] / 32768f;
            }

            _filled += take;
            _windowAudible |= audible;
            samples = samples[take..];
            if (_filled == SileroVadModel.WindowSamples)
            {
                CompleteWindow();
            }
        }
    }

    public void Dispose()
    {
        _binding.Dispose();
        foreach (var tensor in _tensors)
        {
            tensor.Dispose();
        }

        _runOptions.Dispose();
    }

    private void CompleteWindow()
    {
        if (_windowAudible)
        {
            _model.Session.RunWithBinding(_runOptions, _binding);
            _stateOut.CopyTo(_state, 0);
            LastProbability = _probability[0];
            IsSpeech = IsSpeech ? LastProbability >= _silenceThreshold : LastProbability >= _speechThreshold;
            WindowsScored++;
        }
        else
        {
            // The model did not hear this silence, so its memory would still be of the audio before it: start afresh.
            Array.Clear(_state);
            LastProbability = 0;
            IsSpeech = false;
            WindowsSkipped++;
        }

        _input.AsSpan(SileroVadModel.WindowSamples, SileroVadModel.ContextSamples).CopyTo(_input);
        _filled = 0;
        _windowAudible = false;
    }
}
