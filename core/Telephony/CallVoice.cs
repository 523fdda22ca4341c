using VoiceAgent.Core.Tenants;

namespace VoiceAgent.Core.Telephony;

/// <summary>
/// The voices and language one call is spoken and heard in: the shop's own (<see cref="TenantVoice"/>) where it set them,
/// the deployment's (<see cref="VoiceOptions"/>) elsewhere. Built by <see cref="For"/>.
/// </summary>
/// <param name="SayVoice">Twilio's <c>&lt;Say voice&gt;</c> for the call's language.</param>
/// <param name="SpanishSayVoice">Twilio's <c>&lt;Say voice&gt;</c> for a sentence in Spanish.</param>
/// <param name="Language">The call's language (BCP 47).</param>
/// <param name="RelaySayVoice">The shop's own <see cref="TenantVoice.SayVoice"/>, for ConversationRelay; null keeps Twilio's relay default.</param>
/// <param name="SpeechVoice">The shop's Azure Speech voice for the call's language on the stream transport; null is the deployment's for the language.</param>
public sealed record CallVoice(string SayVoice, string SpanishSayVoice, string Language, string? RelaySayVoice, string? SpeechVoice)
{
    /// <summary>The call's voice for <paramref name="tenant"/> (null: an unknown number, the deployment's).</summary>
    public static CallVoice For(VoiceOptions deployment, TenantProfile? tenant)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var own = tenant?.Voice ?? TenantVoice.Deployment;
        return new CallVoice(
            Pick(own.SayVoice, deployment.SayVoice),
            Pick(own.SpanishSayVoice, deployment.SpanishSayVoice),
            Pick(own.Language, deployment.Language),
            Blank(own.SayVoice) ? null : own.SayVoice,
            Blank(own.SpeechVoice) ? null : own.SpeechVoice);
    }

    /// <summary>
    /// The <c>&lt;Say&gt;</c> voice for a sentence in <paramref name="language"/> (null: the call's <see cref="Language"/>):
    /// <see cref="SpanishSayVoice"/> for Spanish, else <see cref="SayVoice"/>.
    /// </summary>
    public string VoiceFor(string? language) => IsSpanish(language ?? Language) ? SpanishSayVoice : SayVoice;

    private static bool IsSpanish(string language) => language.StartsWith("es", StringComparison.OrdinalIgnoreCase);

    private static string Pick(string? own, string deployment) => Blank(own) ? deployment : own!;

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
}
