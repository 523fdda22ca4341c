namespace VoiceAgent.CallSimulator.Twiml;

/// <summary><c>&lt;Say loop&gt;text&lt;/Say&gt;</c>: what the agent speaks.</summary>
public sealed record SayVerb(string Text, int Loop = 1) : TwimlVerb;
