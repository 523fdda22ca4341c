namespace VoiceAgent.CallSimulator.Twiml;

/// <summary>A parsed <c>&lt;Response&gt;</c>: its verbs in document order.</summary>
public sealed record TwimlDocument(IReadOnlyList<TwimlVerb> Verbs);
