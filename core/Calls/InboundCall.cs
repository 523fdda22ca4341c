using VoiceAgent.Core.Telephony;

namespace VoiceAgent.Core.Calls;

/// <summary>The facts of a live call that every voice webhook carries, already validated.</summary>
public sealed record InboundCall(CallSid CallSid, PhoneNumber Dialed, PhoneNumber? Caller);
