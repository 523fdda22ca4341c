namespace VoiceAgent.CallSimulator.Twiml;

/// <summary>One verb of a TwiML voice document, as the simulator understood it.</summary>
public abstract record TwimlVerb;
