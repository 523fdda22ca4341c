namespace VoiceAgent.CallSimulator.Twiml;

/// <summary><c>&lt;Pause length&gt;</c>: silence, in seconds (default 1).</summary>
public sealed record PauseVerb(int Seconds = 1) : TwimlVerb;
