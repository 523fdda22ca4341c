namespace VoiceAgent.Core.Tenants;

/// <summary>
/// How one shop's agent sounds and which language it listens for. Every setting left null is the deployment's
/// (<c>Voice:*</c> for Twilio's voices and the language, <c>Speech:Voices</c> for the stream transport's Azure voice), so a
/// profile stored before these settings existed sounds as the deployment does.
/// </summary>
public sealed record TenantVoice
{
    /// <summary>All null: the deployment's voices and language.</summary>
    public static TenantVoice Deployment { get; } = new();

    /// <summary>
    /// Twilio's <c>&lt;Say voice&gt;</c> on Gather (e.g. <c>Polly.Matthew-Neural</c>), and the ConversationRelay voice
    /// (<c>Polly.X</c> is relay provider <c>Amazon</c> voice <c>X</c>, <c>Google.X</c> provider <c>Google</c>, anything else the
    /// relay's own voice id). Null: <c>Voice:SayVoice</c> on Gather, Twilio's relay default on ConversationRelay.
    /// </summary>
    public string? SayVoice { get; init; }

    /// <summary>Twilio's <c>&lt;Say voice&gt;</c> for the sentences spoken in Spanish (<c>es-*</c>). Null: <c>Voice:SpanishSayVoice</c>.</summary>
    public string? SpanishSayVoice { get; init; }

    /// <summary>
    /// The call's language (BCP 47, e.g. <c>en-US</c>): what Gather and ConversationRelay recognise and speak, and what the
    /// stream transport's recognizer and synthesizer are asked for. Null: <c>Voice:Language</c>.
    /// </summary>
    public string? Language { get; init; }

    /// <summary>
    /// The Azure AI Speech neural voice the stream transport speaks the call's language in (e.g. <c>en-US-AndrewNeural</c>).
    /// Sentences in another language keep that language's configured voice. Null: <c>Speech:Voices</c> for the language.
    /// </summary>
    public string? SpeechVoice { get; init; }
}
