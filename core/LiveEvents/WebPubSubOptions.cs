using System.ComponentModel.DataAnnotations;

namespace VoiceAgent.Core.LiveEvents;

/// <summary>
/// Where live call events go. In Azure: <see cref="Endpoint"/> and <see cref="Hub"/>, reached with the host's managed
/// identity (Web PubSub Service Owner; access keys are off). Locally: <see cref="ConnectionString"/> with an
/// <c>AccessKey</c> (a stand-in, or a resource that allows keys). Neither set: the host's own WebSocket fan-out.
/// </summary>
public sealed class WebPubSubOptions
{
    public const string Section = "WebPubSub";

    /// <summary><c>https://&lt;name&gt;.webpubsub.azure.com</c>; used with Entra when no connection string is set.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Local only: <c>Endpoint=…;AccessKey=…;Version=1.0;</c>. Never set in Azure (it carries a key).</summary>
    public string? ConnectionString { get; set; }

    [RegularExpression(@"^[A-Za-z][A-Za-z0-9_`,.[\]]{0,127}$", ErrorMessage = "WebPubSub:Hub must match the service's hub name rule.")]
    public string Hub { get; set; } = "calls";

    /// <summary>The user-assigned identity to publish with; empty = whatever DefaultAzureCredential finds.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Events held while the sender catches up; past this the oldest are dropped, so a call never waits.</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 1_000;

    /// <summary>Tries per event, the first included, when the service answers 429 or 5xx or cannot be reached.</summary>
    [Range(1, 10)]
    public int MaxSendAttempts { get; set; } = 3;

    public bool IsConfigured => Endpoint is not null || !string.IsNullOrWhiteSpace(ConnectionString);
}
