namespace VoiceAgent.CallSimulator.Twiml;

/// <summary><c>&lt;Reject/&gt;</c>: the call is refused (ends it, like a hang-up before answering).</summary>
public sealed record RejectVerb(string? Reason) : TwimlVerb;
