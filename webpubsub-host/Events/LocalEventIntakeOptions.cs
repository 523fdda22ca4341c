namespace VoiceAgent.WebPubSubHost.Events;

/// <summary>
/// <c>WebPubSub:LocalAccessKey</c>: when set and no Web PubSub is configured, the host's local fan-out also takes live
/// call events from the function app (<see cref="LocalEventIntake"/>), which reaches it with the connection string
/// <c>Endpoint=http://&lt;host&gt;;AccessKey=&lt;the same key&gt;;Version=1.0;</c>. Local runs only (tools/dev, the
/// simulator); in Azure both apps publish to Web PubSub itself.
/// </summary>
public sealed class LocalEventIntakeOptions
{
    /// <summary>The same section as core's <c>WebPubSubOptions</c>.</summary>
    public const string Section = VoiceAgent.Core.LiveEvents.WebPubSubOptions.Section;

    /// <summary>The access key the function app signs its sends with; empty: no intake.</summary>
    public string? LocalAccessKey { get; set; }
}
