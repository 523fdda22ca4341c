using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoiceAgent.SpeechStandIn;
using VoiceAgent.WebPubSubHost.Speech;
using VoiceAgent.WebPubSubHost.Speech.Azure;

namespace VoiceAgent.WebPubSubHost.Tests.Speech;

/// <summary>Our real Speech clients, registered by <see cref="AzureSpeechServiceCollectionExtensions.AddAzureSpeech"/>, pointed at a stand-in.</summary>
internal sealed class SpeechClients : IDisposable
{
    private readonly ServiceProvider _services;

    private SpeechClients(ServiceProvider services) => _services = services;

    public ISpeechSynthesizer Synthesizer => _services.GetRequiredService<ISpeechSynthesizer>();

    public ISpeechRecognizer Recognizer => _services.GetRequiredService<ISpeechRecognizer>();

    /// <summary>Signed in with the stand-in's key, plus any <paramref name="settings"/> (keys under <c>Speech:</c>).</summary>
    public static SpeechClients WithKey(SpeechServiceStandIn standIn, params (string Key, string Value)[] settings) =>
        Create(new Dictionary<string, string?>(settings.Select(s => KeyValuePair.Create("Speech:" + s.Key, (string?)s.Value)))
        {
            ["Speech:Endpoint"] = standIn.BaseUrl.AbsoluteUri,
            ["Speech:Key"] = standIn.Key,
        });

    /// <summary>Signed in with Entra ID: the stand-in's resource id and <paramref name="credential"/>'s tokens.</summary>
    public static SpeechClients WithEntra(SpeechServiceStandIn standIn, TokenCredential credential) =>
        Create(
            new Dictionary<string, string?> { ["Speech:Endpoint"] = standIn.BaseUrl.AbsoluteUri, ["Speech:ResourceId"] = standIn.ResourceId },
            services => services.AddKeyedSingleton(AzureSpeechServiceCollectionExtensions.CredentialKey, credential));

    public static SpeechClients Create(IDictionary<string, string?> settings, Action<IServiceCollection>? before = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        before?.Invoke(services);
        services.AddAzureSpeech(configuration);
        return new SpeechClients(services.BuildServiceProvider());
    }

    public void Dispose() => _services.Dispose();
}
