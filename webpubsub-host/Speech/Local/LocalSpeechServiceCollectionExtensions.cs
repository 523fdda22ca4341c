using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace VoiceAgent.WebPubSubHost.Speech.Local;

/// <summary>Registers the local speech defaults (flite, pocketsphinx) as the host's synthesizer and recognizer.</summary>
public static class LocalSpeechServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="FliteSynthesizer"/> and <see cref="PocketSphinxRecognizer"/>, with their settings from
    /// <c>Speech:Local:Flite</c> and <c>Speech:Local:PocketSphinx</c> (all optional: the defaults are Debian's), validated
    /// on start.
    /// </summary>
    public static IServiceCollection AddLocalSpeech(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<FliteOptions>()
            .Bind(configuration.GetSection(FliteOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<PocketSphinxOptions>()
            .Bind(configuration.GetSection(PocketSphinxOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ISpeechSynthesizer, FliteSynthesizer>();
        services.AddSingleton<ISpeechRecognizer, PocketSphinxRecognizer>();
        return services;
    }
}
