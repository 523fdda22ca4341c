using System.ComponentModel.DataAnnotations;

namespace VoiceAgent.WebPubSubHost.Vad;

/// <summary>
/// Voice activity and end of turn (section <c>Voice:Activity</c>). The defaults are tuned for barge-in on telephone audio:
/// an onset is reported within 100 ms of speech so the agent's audio can be cleared, and a turn ends after 600 ms of silence.
/// </summary>
public sealed class VoiceActivityOptions : IValidatableObject
{
    public const string Section = "Voice:Activity";

    public VoiceActivityMode Mode { get; set; } = VoiceActivityMode.Silero;

    /// <summary>The Silero VAD model, relative to the host's directory (v5 and v6 are copied there from the npm package).</summary>
    [Required]
    public string ModelPath { get; set; } = "Vad/silero_vad_v5.onnx";

    /// <summary>Voiced audio needed before voice is reported as started: small, since barge-in clears the agent's audio on it.</summary>
    [Range(20, 500)]
    public int OnsetMilliseconds { get; set; } = 40;

    /// <summary>Silence after the last voiced frame that ends the voice (the turn, if it was long enough).</summary>
    [Range(100, 5000)]
    public int HangoverMilliseconds { get; set; } = 600;

    /// <summary>Voice shorter than this (onset to last voiced frame) is noise: a cough, a click, a breath; the agent resumes.</summary>
    [Range(0, 5000)]
    public int MinUtteranceMilliseconds { get; set; } = 250;

    /// <summary>Voice this long ends the utterance even without a pause, so its buffer stays bounded.</summary>
    [Range(1000, 120_000)]
    public int MaxUtteranceMilliseconds { get; set; } = 30_000;

    /// <summary>Audio kept before the onset, so the recognizer hears the word's soft start that preceded detection.</summary>
    [Range(0, 2000)]
    public int PreRollMilliseconds { get; set; } = 300;

    /// <summary>Audio kept after the last voiced frame (a recognizer wants a little trailing silence); at most the hang-over.</summary>
    [Range(0, 2000)]
    public int PostRollMilliseconds { get; set; } = 200;

    /// <summary>
    /// In Silero mode, whether loud audio (<see cref="VoiceMarginDb"/> above the floor) may start voice before Silero
    /// confirms it. On: barge-in ~40 ms after the onset, and a loud noise Silero does not call speech ends as noise after
    /// the hang-over (the agent resumes). Off: only Silero starts voice, ~100–140 ms after a soft onset, but loud
    /// non-speech never interrupts the agent.
    /// </summary>
    public bool OnsetFromEnergy { get; set; } = true;

    /// <summary>Silero probability at or above which a window is speech.</summary>
    [Range(0.01, 0.99)]
    public double SpeechThreshold { get; set; } = 0.5;

    /// <summary>Silero probability below which speech has stopped; between the two thresholds the previous state holds.</summary>
    [Range(0.01, 0.99)]
    public double SilenceThreshold { get; set; } = 0.35;

    /// <summary>Frames quieter than this (RMS, dBFS) are silence whatever the noise floor.</summary>
    [Range(-100, 0)]
    public double SilenceBelowDbfs { get; set; } = -55;

    /// <summary>Frames within this many dB above the noise floor are certainly silence: Silero is not asked about them.</summary>
    [Range(0, 40)]
    public double SilenceMarginDb { get; set; } = 6;

    /// <summary>In <see cref="VoiceActivityMode.EnergyGate"/> mode, frames this many dB above the noise floor are voiced.</summary>
    [Range(0, 60)]
    public double VoiceMarginDb { get; set; } = 12;

    /// <summary>The noise floor is the quietest frame of this much recent audio: it follows a noisier line within this time.</summary>
    [Range(200, 30_000)]
    public int NoiseFloorWindowMilliseconds { get; set; } = 3000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PostRollMilliseconds > HangoverMilliseconds)
        {
            yield return new ValidationResult("PostRollMilliseconds cannot exceed HangoverMilliseconds: the audio after the last voiced frame is only known up to the hang-over.", [nameof(PostRollMilliseconds)]);
        }

        if (SilenceThreshold > SpeechThreshold)
        {
            yield return new ValidationResult("SilenceThreshold cannot exceed SpeechThreshold.", [nameof(SilenceThreshold)]);
        }

        if (SilenceMarginDb > VoiceMarginDb)
        {
            yield return new ValidationResult("SilenceMarginDb cannot exceed VoiceMarginDb.", [nameof(SilenceMarginDb)]);
        }
    }
}
