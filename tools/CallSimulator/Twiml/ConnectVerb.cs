namespace VoiceAgent.CallSimulator.Twiml;

/// <summary>
/// <c>&lt;Connect&gt;</c>: the call is handed to a real-time session (<see cref="Relay"/>, ConversationRelay); when the
/// session ends Twilio requests <see cref="Action"/> (null: the call ends) for what to do next.
/// </summary>
public sealed record ConnectVerb(string? Action, string Method, RelayNoun Relay) : TwimlVerb;

/// <summary>
/// <c>&lt;ConversationRelay&gt;</c>: the WebSocket Twilio opens (<see cref="Url"/>, <c>wss</c>, no query string), the
/// greeting Twilio speaks first, and the <c>&lt;Parameter&gt;</c> values it passes in <c>setup.customParameters</c>.
/// </summary>
public sealed record RelayNoun(string Url, string? WelcomeGreeting, IReadOnlyDictionary<string, string> Parameters);
