namespace VoiceAgent.Core.Telephony;

/// <summary>The result of asking Twilio to send an SMS or place a call: the sid when accepted, Twilio's error code and message otherwise.</summary>
public sealed record TwilioSend(TwilioSendStatus Status, string? Sid, int? ErrorCode, string? Reason)
{
    public static TwilioSend Accepted(string sid) => new(TwilioSendStatus.Accepted, sid, null, null);
}
