namespace VoiceAgent.CallSimulator.Twiml;

/// <summary><c>&lt;Play&gt;url&lt;/Play&gt;</c>: audio the caller hears (the simulator only reports it).</summary>
public sealed record PlayVerb(string Url) : TwimlVerb;
