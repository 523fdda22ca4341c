using VoiceAgent.Core.Calls;
using VoiceAgent.TwilioSockets;

namespace VoiceAgent.WebPubSubHost.Tests.Support;

/// <summary>Twilio's side of a Media Streams call to the test's <see cref="RealtimeHost"/>: the socket at <c>/stream</c>, signed over the host's public name.</summary>
public static class StreamTwilio
{
    public const int FrameBytes = TwilioMediaStream.FrameBytes;

    public static readonly TimeSpan Frame = TwilioMediaStream.Frame;

    /// <summary>Opens the socket, signed as Twilio signs it (the <c>wss</c> URL of the host's public name); <paramref name="signature"/> overrides.</summary>
    public static Task<TwilioMediaStream> ConnectAsync(RealtimeHost host, string? signature = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        var signedUrl = new Uri(RealtimeHost.PublicBaseUrl.Replace("https://", "wss://", StringComparison.Ordinal) + "/stream");
        return TwilioMediaStream.ConnectAsync(signedUrl, new Uri(host.SocketBase, "/stream"), host.AuthToken, signature);
    }

    /// <summary><c>connected</c> and <c>start</c> for <paramref name="callSid"/>, with the parameters the incoming webhook puts in the TwiML (<paramref name="claimedCallSid"/> to claim another call).</summary>
    public static Task StartAsync(this TwilioMediaStream twilio, string callSid, string tenantId, string? claimedCallSid = null)
    {
        ArgumentNullException.ThrowIfNull(twilio);
        return twilio.StartAsync(callSid, new Dictionary<string, string>
        {
            [RealtimeCallParameters.TenantId] = tenantId,
            [RealtimeCallParameters.CallSid] = claimedCallSid ?? callSid,
        });
    }
}
