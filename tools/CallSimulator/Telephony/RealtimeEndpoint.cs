using VoiceAgent.SpeechStandIn;

namespace VoiceAgent.CallSimulator.Telephony;

/// <summary>
/// The real-time host as Twilio reaches it: TwiML names its public <c>wss</c> URLs (<see cref="PublicBaseUrl"/>, what the
/// upgrade is signed over), and the simulator connects to where it really listens (<see cref="TargetBaseUrl"/>).
/// </summary>
public sealed record RealtimeEndpoint(Uri PublicBaseUrl, Uri TargetBaseUrl, string AuthToken)
{
    /// <summary>
    /// A Media Stream call only: the speech service the host recognizes the caller with (its <c>Speech:Endpoint</c>). The
    /// simulator tells it the words of each line it speaks.
    /// </summary>
    public SpeechServiceStandIn? Speech { get; init; }

    /// <summary>A Media Stream call only: a staff dev token of the called shop, to read the agent's words from the live call events.</summary>
    public string? StaffToken { get; init; }

    /// <summary>The host's live call events (<c>/events</c>) where it really listens.</summary>
    public Uri EventsUrl => Socket(TargetBaseUrl, "/events");

    /// <summary>Where to connect for a socket URL from TwiML; a URL on another host is a failed call.</summary>
    public Uri Resolve(string socketUrl)
    {
        var url = new Uri(socketUrl);
        if (!string.Equals(url.Host, PublicBaseUrl.Host, StringComparison.OrdinalIgnoreCase))
        {
            throw new CallFailedException($"The TwiML connects to '{socketUrl}', which is not the real-time host ({PublicBaseUrl.Host}).");
        }

        return Socket(TargetBaseUrl, url.AbsolutePath);
    }

    private static Uri Socket(Uri baseUrl, string path) =>
        new UriBuilder(baseUrl) { Scheme = baseUrl.Scheme == Uri.UriSchemeHttps ? "wss" : "ws", Path = path }.Uri;
}
