namespace VoiceAgent.CallSimulator.Twiml;

/// <summary><c>&lt;Hangup/&gt;</c>: the agent ends the call.</summary>
public sealed record HangupVerb : TwimlVerb;
