using System.ComponentModel.DataAnnotations;

namespace VoiceAgent.WebPubSubHost;

/// <summary>How the real-time host paces a call.</summary>
public sealed class RealtimeOptions
{
    public const string Section = "Realtime";

    /// <summary>Seconds of silence, after the agent's reply has been spoken, before the caller is asked again (as Gather's timeout).</summary>
    [Range(0.1, 60)]
    public double SilenceSeconds { get; set; } = 5;

    /// <summary>How fast the agent's speech is taken to play, to know when a reply has been spoken (ConversationRelay reports no playback).</summary>
    [Range(0.5, 10)]
    public double WordsPerSecond { get; set; } = 2.5;

    /// <summary>Seconds a new connection has to send its <c>setup</c> before it is closed.</summary>
    [Range(1, 60)]
    public double SetupTimeoutSeconds { get; set; } = 5;

    /// <summary>The longest message the host reads from Twilio; a longer one closes the connection.</summary>
    [Range(1024, 1048576)]
    public int MaxMessageBytes { get; set; } = 65536;

    /// <summary>
    /// The functions app's public base URL (<c>https://…azurewebsites.net</c>): where a live Media Streams call is
    /// redirected, on shutdown, to carry on over Gather. Unset, closing the stream alone hands it back.
    /// </summary>
    public Uri? FunctionsBaseUrl { get; set; }

    /// <summary>Seconds the host waits, on shutdown, for live calls to be handed back to Gather.</summary>
    [Range(1, 120)]
    public double DrainSeconds { get; set; } = 10;
}
