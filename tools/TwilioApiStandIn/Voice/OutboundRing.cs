namespace VoiceAgent.TwilioApiStandIn.Voice;

/// <summary>An outbound call ringing the callee: <see cref="To"/> is the callee, <see cref="From"/> the caller id (the shop).</summary>
public sealed record OutboundRing(string CallSid, string From, string To, TimeSpan RingTimeout);
