using VoiceAgent.CallSimulator.Telephony;
using VoiceAgent.Core.Scheduling;

namespace VoiceAgent.CallSimulator.Cli;

/// <summary>
/// Who the person at the terminal is and where the shop is: the app's URL (and the public URL it signs webhooks for),
/// the Twilio auth token, the caller's and the shop's numbers, the account inbound calls are made on, and the shop's
/// time zone (for reading and showing the app's clock), and the real-time host a relay call connects to, if any.
/// </summary>
public sealed record SessionSettings(Uri AppUrl, Uri PublicUrl, string AuthToken, string From, string To, string? AccountSid, TenantTime Shop)
{
    public RealtimeEndpoint? Realtime { get; init; }
}
