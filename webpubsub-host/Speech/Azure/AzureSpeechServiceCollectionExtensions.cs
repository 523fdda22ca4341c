using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace VoiceAgent.WebPubSubHost.Speech.Azure;

public static class AzureSpeechServiceCollectionExtensions
{
    /// <summary>The key of the <see cref="TokenCredential"/> the Speech clients sign in with; a test registers its own under it.</summary>
    public const string CredentialKey = "speech";

    /// <summary>Sent on every request, as the text-to-speech API requires.</summary>
    public const string UserAgent = "VoiceAgent-WebPubSubHost";

    /// <summary>
    /// Azure AI Speech as the host's <see cref="ISpeechSynthesizer"/> and <see cref="ISpeechRecognizer"/>, when any
    /// <c>Speech</c> setting is given; nothing otherwise (the host then uses whatever else is registered). Settings
    /// that are given but incomplete (an endpoint with no way to sign in, a key with no endpoint) stop the host on start
    /// with the reason.
    /// </summary>
    public static IServiceCollection AddAzureSpeech(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AzureSpeechOptions.Section);
        var requested = new AzureSpeechOptions
        {
            Endpoint = section[nameof(AzureSpeechOptions.Endpoint)],
            ResourceId = section[nameof(AzureSpeechOptions.ResourceId)],
            Key = section[nameof(AzureSpeechOptions.Key)],
        };
        if (!requested.IsRequested)
        {
            return services;
        }

        services.AddOptions<AzureSpeechOptions>().Bind(section).ValidateDataAnnotations()
            .Validate(o => !string.IsNullOrWhiteSpace(o.Endpoint), "Speech:Endpoint (the resource's custom-subdomain endpoint, or a region) is required with Speech:ResourceId or Speech:Key.")
            .Validate(o => string.IsNullOrWhiteSpace(o.Endpoint) || SpeechEndpoints.From(o.Endpoint) is not null, "Speech:Endpoint must be an http(s) URL or a region name such as eastus.")
            .Validate(o => o.UsesKey || !string.IsNullOrWhiteSpace(o.ResourceId), "Speech: set Speech:ResourceId (Entra ID with the managed identity, in Azure) or Speech:Key (local).")
            .Validate(o => !(o.UsesKey && !string.IsNullOrWhiteSpace(o.ResourceId)), "Speech: set Speech:ResourceId or Speech:Key, not both.")
            .Validate(o => o.UsesKey || string.IsNullOrWhiteSpace(o.ResourceId) || IsResourceId(o.ResourceId), "Speech:ResourceId must be the resource's ARM id (/subscriptions/…/providers/Microsoft.CognitiveServices/accounts/…).")
            .Validate(o => o.Voices.ContainsKey(o.DefaultLanguage), "Speech:Voices must name a voice for Speech:DefaultLanguage.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton<TokenCredential>(CredentialKey, (sp, _) => Credential(sp.GetRequiredService<IOptions<AzureSpeechOptions>>().Value));
        services.TryAddSingleton<ISpeechAuthorization>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<AzureSpeechOptions>>().Value;
            return o.UsesKey
                ? new SubscriptionKeyAuthorization(o.Key!)
                : new EntraSpeechAuthorization(sp.GetRequiredKeyedService<TokenCredential>(CredentialKey), o.ResourceId!, sp.GetRequiredService<TimeProvider>());
        });
        services.AddTransient<SpeechAuthHandler>();
        services.AddHttpClient<ISpeechSynthesizer, AzureTextToSpeech>(Configure).AddHttpMessageHandler<SpeechAuthHandler>();
        services.AddHttpClient<ISpeechRecognizer, AzureSpeechToText>(Configure).AddHttpMessageHandler<SpeechAuthHandler>();
        return services;
    }

    /// <summary>The clients own their deadlines (first byte, stalls, a whole recognition), so the HttpClient has none of its own.</summary>
    private static void Configure(HttpClient http)
    {
        http.Timeout = Timeout.InfiniteTimeSpan;
        http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
    }

    /// <summary>The host's user-assigned identity in Azure; locally, whoever is signed in (Azure CLI, Visual Studio, environment).</summary>
    private static TokenCredential Credential(AzureSpeechOptions options) => string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
        ? new DefaultAzureCredential()
        : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));

    private static bool IsResourceId(string resourceId) =>
        resourceId.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase)
        && resourceId.Contains("/providers/Microsoft.CognitiveServices/accounts/", StringComparison.OrdinalIgnoreCase);
}
