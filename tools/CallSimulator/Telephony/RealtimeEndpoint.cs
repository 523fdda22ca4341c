namespace VoiceAgent.CallSimulator.Telephony;

/// <summary>
/// The real-time host as Twilio reaches it: TwiML names its public <c>wss</c> URLs (<see cref="PublicBaseUrl"/>, what the
/// upgrade is signed over), and the simulator connects to where it really listens (<see cref="TargetBaseUrl"/>).
/// </summary>
public sealed record RealtimeEndpoint(Uri PublicBaseUrl, Uri TargetBaseUrl, string AuthToken)
{
    /// <summary>Where to connect for a socket URL from TwiML; a URL on another host is a failed call.</summary>
    public Uri Resolve(string socketUrl)
    {
        var url = new Uri(socketUrl);
        if (!string.Equals(url.Host, PublicBaseUrl.Host, StringComparison.OrdinalIgnoreCase))
        {
            throw new CallFailedException($"The TwiML connects to '{socketUrl}', which is not the real-time host ({PublicBaseUrl.Host}).");
        }

        return new UriBuilder(TargetBaseUrl) { Scheme = TargetBaseUrl.Scheme == Uri.UriSchemeHttps ? "wss" : "ws", Path = url.AbsolutePath }.Uri;
    }
}
