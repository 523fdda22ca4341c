using System.ComponentModel.DataAnnotations;

namespace VoiceAgent.Core.Telephony;

/// <summary>
/// How the agent sounds and listens on the Gather transport. The voices and language are the deployment's defaults: a
/// shop's own <see cref="Tenants.TenantVoice"/> wins where it sets one (<see cref="CallVoice.For"/>).
/// </summary>
public sealed class VoiceOptions
{
    public const string Section = "Voice";

    /// <summary>Twilio <c>&lt;Say voice&gt;</c>, e.g. <c>Polly.Joanna-Neural</c>.</summary>
    [Required]
    public string SayVoice { get; set; } = "Polly.Joanna-Neural";

    /// <summary>Twilio <c>&lt;Say voice&gt;</c> for the few sentences spoken in Spanish (<c>es-*</c>), e.g. <c>Polly.Lupe-Neural</c>.</summary>
    [Required]
    public string SpanishSayVoice { get; set; } = "Polly.Lupe-Neural";

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

    /// <summary>Deadline for one agent turn; past it the caller gets the apology and a transfer or goodbye.</summary>
    [Range(1, 60)]
    public int TurnDeadlineSeconds { get; set; } = 10;

    /// <summary>
    /// When a turn is not ready after this long, the webhook answers with a short filler ("One moment…") and a
    /// <c>&lt;Redirect&gt;</c> to the continuation, so the caller never sits in silence; the turn keeps running.
    /// </summary>
    [Range(0.5, 12)]
    public double FillerAfterSeconds { get; set; } = 2.5;

    /// <summary>How long one continuation request waits for the turn before answering another filler.</summary>
    [Range(1, 12)]
    public double ContinuationWaitSeconds { get; set; } = 8;

    /// <summary>Fillers in a row before the caller gets the apology and a transfer instead.</summary>
    [Range(1, 5)]
    public int MaxContinuations { get; set; } = 2;
}
