namespace VoiceAgent.CallSimulator.Twiml;

/// <summary>
/// <c>&lt;Connect&gt;</c>: the call is handed to a real-time session (<see cref="Session"/>: ConversationRelay or a
/// bidirectional Media Stream); when the session ends Twilio requests <see cref="Action"/> (null: the call ends) for
/// what to do next.
/// </summary>
public sealed record ConnectVerb(string? Action, string Method, ConnectNoun Session) : TwimlVerb;

/// <summary>
/// What <c>&lt;Connect&gt;</c> opens: the WebSocket Twilio connects to (<see cref="Url"/>, <c>wss</c>, no query string)
/// and the <c>&lt;Parameter&gt;</c> values it passes on in the session's first message.
/// </summary>
public abstract record ConnectNoun(string Url, IReadOnlyDictionary<string, string> Parameters);

/// <summary><c>&lt;ConversationRelay&gt;</c>: Twilio speaks <see cref="WelcomeGreeting"/> first, then exchanges text with the socket.</summary>
public sealed record RelayNoun(string Url, string? WelcomeGreeting, IReadOnlyDictionary<string, string> Parameters) : ConnectNoun(Url, Parameters);

/// <summary><c>&lt;Stream&gt;</c> inside <c>&lt;Connect&gt;</c>: a bidirectional Media Stream, the caller's audio out and the agent's back.</summary>
public sealed record StreamNoun(string Url, IReadOnlyDictionary<string, string> Parameters) : ConnectNoun(Url, Parameters);
