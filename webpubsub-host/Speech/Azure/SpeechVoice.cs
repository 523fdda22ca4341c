namespace VoiceAgent.WebPubSubHost.Speech.Azure;

/// <summary>The language and neural voice one sentence is spoken in.</summary>
public sealed record SpeechVoice(string Language, string Name)
{
    /// <summary>
    /// The voice for <paramref name="language"/>: its own, else one of the same language (<c>es-MX</c> → the <c>es-US</c>
    /// voice), else the default language's. A caller always hears something, even in a language nobody configured. A named
    /// <paramref name="voice"/> (a shop's own) wins, spoken in <paramref name="language"/> (or the default language).
    /// </summary>
    public static SpeechVoice For(AzureSpeechOptions options, string? language, string? voice = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(voice))
        {
            return new SpeechVoice(string.IsNullOrWhiteSpace(language) ? options.DefaultLanguage : language, voice);
        }

        if (!string.IsNullOrWhiteSpace(language))
        {
            if (options.Voices.TryGetValue(language, out var exact))
            {
                return new SpeechVoice(language, exact);
            }

            var primary = language.Split('-')[0];
            foreach (var (configured, name) in options.Voices.OrderBy(v => v.Key, StringComparer.OrdinalIgnoreCase))
            {
                if (string.Equals(configured.Split('-')[0], primary, StringComparison.OrdinalIgnoreCase))
                {
                    return new SpeechVoice(configured, name);
                }
            }
        }

        return new SpeechVoice(options.DefaultLanguage, options.Voices[options.DefaultLanguage]);
    }
}
