using Microsoft.ML.OnnxRuntime;

namespace VoiceAgent.WebPubSubHost.Vad;

/// <summary>
/// The Silero VAD network (v5 or v6 ONNX) loaded once per process: <see cref="InferenceSession"/> runs are thread-safe,
/// so every call shares it and keeps only its own recurrent state (<see cref="SileroSpeechEstimator"/>). Each run uses
/// one thread, the caller's: concurrency comes from many calls, not from splitting a 32 ms window across cores.
/// </summary>
/// <remarks>
/// Checked against the models of @ricky0123/vad-web 0.0.31: inputs <c>input</c> float [1, N], <c>state</c> float
/// [2, 1, 128], <c>sr</c> int64 scalar; outputs <c>output</c> float [1, 1] (speech probability) and <c>stateN</c>. At 8 kHz
/// a window is 256 new samples preceded by the previous window's last 32 (as Silero's own wrapper feeds it): without that
/// context the model scores clear speech as silence most of the time.
/// </remarks>
public sealed class SileroVadModel : IDisposable
{
    public const int WindowSamples = 256;
    public const int ContextSamples = 32;
    public const int StateLength = 2 * 1 * 128;

    internal const string InputName = "input";
    internal const string StateName = "state";
    internal const string SampleRateName = "sr";
    internal const string OutputName = "output";
    internal const string StateOutputName = "stateN";

    private SileroVadModel(InferenceSession session) => Session = session;

    internal InferenceSession Session { get; }

    /// <summary>Loads a model file and checks it has the inputs and outputs the estimator binds.</summary>
    public static SileroVadModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Silero VAD model not found at {path} (the build copies it from node_modules: run npm ci).", path);
        }

        using var options = new Microsoft.ML.OnnxRuntime.SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        var session = new InferenceSession(path, options);
        string[] inputs = [InputName, StateName, SampleRateName];
        string[] outputs = [OutputName, StateOutputName];
        if (!inputs.All(session.InputMetadata.ContainsKey) || !outputs.All(session.OutputMetadata.ContainsKey))
        {
            var found = string.Join(", ", session.InputMetadata.Keys.Concat(session.OutputMetadata.Keys));
            session.Dispose();
            throw new InvalidDataException($"{path} is not a Silero VAD v5/v6 model: expected inputs {string.Join(", ", inputs)} and outputs {string.Join(", ", outputs)}, found {found}.");
        }

        return new SileroVadModel(session);
    }

    public void Dispose() => Session.Dispose();
}
