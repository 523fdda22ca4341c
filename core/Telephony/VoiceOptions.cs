using System.ComponentModel.DataAnnotations;

namespace VoiceAgent.Core.Telephony;

/// <summary>How the agent sounds and listens on the Gather transport.</summary>
public sealed class VoiceOptions
{
    public const string Section = "Voice";

    /// <summary>Twilio <c>&lt;Say voice&gt;</c>, e.g. <c>Polly.Joanna-Neural</c>.</summary>
    [Required]
    public string SayVoice { get; set; } = "Polly.Joanna-Neural";

    [Required]
    public string Language { get; set; } = "en-US";

    /// <summary>Seconds Twilio waits for the caller to start speaking.</summary>
    [Range(1, 30)]
    public int GatherTimeoutSeconds { get; set; } = 5;

    /// <summary>Seconds of pause that end the caller's speech (a positive integer, or <c>auto</c> with a model that allows it).</summary>
    [Required]
    public string SpeechTimeout { get; set; } = "2";

    /// <summary>Twilio <c>speechModel</c>; empty for Twilio's default.</summary>
    public string? SpeechModel { get; set; } = "phone_call";

    /// <summary>Deadline for one agent turn; the webhook answers with a fallback after it.</summary>
    [Range(1, 14)]
    public int TurnDeadlineSeconds { get; set; } = 10;
}
