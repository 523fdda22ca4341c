namespace VoiceAgent.Core.Telephony;

/// <summary>
/// A <c>&lt;Say&gt;</c> voice name as ConversationRelay's <c>ttsProvider</c> and <c>voice</c> attributes: <c>Polly.Joanna-Neural</c>
/// is provider <c>Amazon</c>, voice <c>Joanna-Neural</c>; <c>Google.en-US-Neural2-F</c> is provider <c>Google</c>, voice
/// <c>en-US-Neural2-F</c>; any other name (an ElevenLabs voice id) is the voice alone, on the relay's default provider.
/// </summary>
/// <param name="Provider">The relay's <c>ttsProvider</c>; null leaves it to Twilio.</param>
/// <param name="Voice">The relay's <c>voice</c>.</param>
public readonly record struct RelayTtsVoice(string? Provider, string Voice)
{
    public static RelayTtsVoice From(string sayVoice)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sayVoice);
        var dot = sayVoice.IndexOf('.', StringComparison.Ordinal);
        var provider = dot > 0 ? sayVoice[..dot] : string.Empty;
        if (provider.Equals("Polly", StringComparison.OrdinalIgnoreCase))
        {
            return new("Amazon", sayVoice[(dot + 1)..]);
        }

        return provider.Equals("Google", StringComparison.OrdinalIgnoreCase) ? new("Google", sayVoice[(dot + 1)..]) : new(null, sayVoice);
    }
}
