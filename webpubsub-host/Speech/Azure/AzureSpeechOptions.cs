using System.ComponentModel.DataAnnotations;

namespace VoiceAgent.WebPubSubHost.Speech.Azure;

/// <summary>
/// Azure AI Speech over REST (section <c>Speech</c>). In Azure: <see cref="Endpoint"/> is the resource's custom-subdomain
/// endpoint and <see cref="ResourceId"/> signs in with the host's managed identity (keys are off on the resource).
/// Locally: a region or any endpoint (a stand-in) with <see cref="Key"/>. Nothing set: no Azure speech is registered.
/// </summary>
public sealed class AzureSpeechOptions
{
    public const string Section = "Speech";

    /// <summary>
    /// <c>https://&lt;name&gt;.cognitiveservices.azure.com/</c> (custom subdomain, required for Entra ID), a regional
    /// <c>https://&lt;region&gt;.api.cognitive.microsoft.com/</c>, or a bare region (<c>eastus</c>).
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>The Speech resource's ARM id, sent in the Entra ID form of the token (<c>aad#&lt;resourceId&gt;#&lt;token&gt;</c>).</summary>
    public string? ResourceId { get; set; }

    /// <summary>A resource key, for local use only: infra never sets it, and the Azure resource has keys turned off.</summary>
    public string? Key { get; set; }

    /// <summary>The client id of the user-assigned managed identity; empty signs in with <c>DefaultAzureCredential</c> (local development).</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The language spoken when the caller's language is not given (BCP 47); <see cref="Voices"/> must name a voice for it.</summary>
    public string DefaultLanguage { get; set; } = "en-US";

    /// <summary>The neural voice per language (BCP 47 → voice name). Configuration adds to these or replaces them.</summary>
    public Dictionary<string, string> Voices { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en-US"] = "en-US-JennyNeural",
        ["es-US"] = "es-US-PalomaNeural",
    };

    /// <summary>How long text-to-speech may take to send its first audio, and the longest pause between two chunks after that.</summary>
    [Range(0.2, 30)]
    public double SynthesisTimeoutSeconds { get; set; } = 3;

    /// <summary>How long one recognition (upload and answer) may take; a caller is waiting for the agent's reply.</summary>
    [Range(0.2, 60)]
    public double RecognitionTimeoutSeconds { get; set; } = 6;

    /// <summary>True when any Speech setting is given: then the settings must be complete, or the host refuses to start.</summary>
    public bool IsRequested => !string.IsNullOrWhiteSpace(Endpoint) || !string.IsNullOrWhiteSpace(ResourceId) || !string.IsNullOrWhiteSpace(Key);

    /// <summary>Signs in with a key rather than with Entra ID.</summary>
    public bool UsesKey => !string.IsNullOrWhiteSpace(Key);
}
