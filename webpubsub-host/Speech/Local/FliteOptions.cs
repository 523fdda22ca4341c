using System.ComponentModel.DataAnnotations;

namespace VoiceAgent.WebPubSubHost.Speech.Local;

/// <summary>Settings of the local synthesizer, section <c>Speech:Local:Flite</c>.</summary>
public sealed class FliteOptions
{
    public const string SectionName = "Speech:Local:Flite";

    /// <summary>The flite binary: a name looked up on PATH, or a full path.</summary>
    [Required]
    public string Path { get; set; } = "flite";

    /// <summary>
    /// A voice built into flite (<c>flite -lv</c>: kal, kal16, awb, rms, slt) or a <c>.flitevox</c> file. rms, a clear
    /// male voice at 16 kHz, is the one pocketsphinx recognises best after the trip through 8 kHz μ-law.
    /// </summary>
    [Required]
    public string Voice { get; set; } = "rms";

    /// <summary>
    /// The length of each chunk handed on: 20 ms is one Media Streams frame (160 bytes); larger chunks mean fewer
    /// WebSocket messages.
    /// </summary>
    [Range(20, 1000)]
    public int ChunkMilliseconds { get; set; } = 20;
}
