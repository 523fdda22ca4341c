using Microsoft.Extensions.Options;

namespace VoiceAgent.WebPubSubHost.Vad;

/// <summary>
/// Makes one <see cref="VoiceActivityTracker"/> per call. Holds the process's single Silero model, loaded on the first
/// call that needs it (never in energy-gate mode), and disposes it with the host.
/// </summary>
public sealed class VoiceActivityTrackerFactory : IDisposable
{
    private readonly VoiceActivityOptions _options;
    private readonly Lazy<SileroVadModel> _model;

    public VoiceActivityTrackerFactory(IOptions<VoiceActivityOptions> options)
    {
        _options = options.Value;
        var path = Path.Combine(AppContext.BaseDirectory, _options.ModelPath);
        _model = new Lazy<SileroVadModel>(() => SileroVadModel.Load(path), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>A tracker for a new call, with fresh noise floor and recurrent state. The caller disposes it when the call ends.</summary>
    public VoiceActivityTracker Create()
    {
        var silero = _options.Mode == VoiceActivityMode.Silero ? new SileroSpeechEstimator(_model.Value, _options) : null;
        return new VoiceActivityTracker(_options, silero);
    }

    public void Dispose()
    {
        if (_model.IsValueCreated)
        {
            _model.Value.Dispose();
        }
    }
}
