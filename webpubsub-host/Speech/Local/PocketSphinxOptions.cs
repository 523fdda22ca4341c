using System.ComponentModel.DataAnnotations;

namespace VoiceAgent.WebPubSubHost.Speech.Local;

/// <summary>Settings of the local recognizer, section <c>Speech:Local:PocketSphinx</c>. The defaults are Debian's paths.</summary>
public sealed class PocketSphinxOptions
{
    public const string SectionName = "Speech:Local:PocketSphinx";

    /// <summary>
    /// The recognizer binary. Unset: <c>pocketsphinx_continuous</c> (pocketsphinx 5prealpha, Debian 12), else
    /// <c>pocketsphinx</c> (the 5.0 command line), whichever is on PATH. A binary named <c>pocketsphinx</c> is run with the
    /// 5.0 command line, any other name with the <c>pocketsphinx_continuous</c> one.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>The acoustic model folder (<c>-hmm</c>).</summary>
    [Required]
    public string AcousticModel { get; set; } = "/usr/share/pocketsphinx/model/en-us/en-us";

    /// <summary>The pronunciation dictionary (<c>-dict</c>); grammar words not in it are left out of the grammar.</summary>
    [Required]
    public string Dictionary { get; set; } = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict";

    /// <summary>The open-vocabulary language model (<c>-lm</c>), used when no phrases are expected.</summary>
    [Required]
    public string LanguageModel { get; set; } = "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin";

    /// <summary>
    /// The peak of the white noise added to the upsampled audio (16-bit scale), so the band above 4 kHz is not empty.
    /// 0 adds none; see docs/benchmarks.md for how the default was chosen.
    /// </summary>
    [Range(0, 1000)]
    public int NoiseAmplitude { get; set; } = 128;
}
