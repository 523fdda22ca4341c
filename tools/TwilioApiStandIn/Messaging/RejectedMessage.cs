namespace VoiceAgent.TwilioApiStandIn.Messaging;

/// <summary>A send the stand-in refused with a Twilio error (no message resource exists for it, as at Twilio).</summary>
public sealed record RejectedMessage(string From, string To, string Body, int ErrorCode, DateTimeOffset At);
